// The shape of a secret sealed for the gateways (a TLS private key, a backend
// client-certificate key): safe to validate anywhere, the browser included, so
// it holds no crypto. Sealing and opening live in sealed-secret.ts (node:crypto).
//
//   sealed:v1:<keyId>:<iv>:<tag>:<ciphertext>
//
// AES-256-GCM; keyId = the first 16 hex of sha256(key), so a gateway holding
// another GATEWAY_SECRETS_KEY says so instead of "bad decrypt"; iv (12 bytes),
// tag (16 bytes) and ciphertext are base64url. The purpose ("gateway-tls-key",
// "backend-client-key") is authenticated as additional data, so a value sealed
// for one purpose cannot be replayed as another.
import { z } from "zod";

export const SEALED_SECRET_PREFIX = "sealed:v1:";

const SEALED_SECRET_PATTERN = /^sealed:v1:[0-9a-f]{16}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/;

export const sealedSecretSchema = z
  .string()
  .max(200_000)
  .regex(SEALED_SECRET_PATTERN, "a secret sealed for the gateways (sealed:v1:…)");

/** What a sealed value protects; authenticated with it. */
export type SealedSecretPurpose = "gateway-tls-key" | "backend-client-key";
