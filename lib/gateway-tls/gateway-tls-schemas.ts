// The certificate the gateways' HTTPS listeners present, set from the console:
// request and response of /api/v1/gateway-tls, and the stored row. The private
// key goes in once and never comes back out: stored encrypted (SECRETS_ENCRYPTION_KEY),
// shipped to the gateways sealed (GATEWAY_SECRETS_KEY).
import { z } from "zod";
import { pemCertificatesSchema } from "@portcullis/gateway/contract";
import { isoDate } from "@/lib/http/iso-date-schema";

export const GATEWAY_TLS_SETTING_KEY = "gateway-tls";

export const gatewayTlsInputSchema = z
  .object({
    certificate: pemCertificatesSchema.describe("PEM: the server certificate first, then its intermediates"),
    privateKey: z
      .string()
      .max(100_000)
      .regex(/-----BEGIN [A-Z ]*PRIVATE KEY-----/, "a PEM private key (-----BEGIN PRIVATE KEY-----)")
      .describe("The certificate's unencrypted PEM private key; stored encrypted and never returned"),
  })
  .strict()
  .meta({ id: "GatewayTlsInput" });
export type GatewayTlsInput = z.infer<typeof gatewayTlsInputSchema>;

export const certificateSummarySchema = z
  .object({
    subject: z.string(),
    issuer: z.string(),
    sans: z.array(z.string()).describe('subjectAltName entries, e.g. "DNS:api.example.com"'),
    notBefore: isoDate(),
    notAfter: isoDate(),
    fingerprint: z.string().describe("SHA-256 of the DER certificate"),
    isCa: z.boolean(),
  })
  .meta({ id: "CertificateSummary" });

export const gatewayTlsResourceSchema = z
  .object({
    configured: z.boolean().describe("false: each gateway presents its own GATEWAY_TLS_CERT_FILE, if any"),
    certificate: certificateSummarySchema.nullable().describe("The server certificate (the bundle's first)"),
    chain: z.array(certificateSummarySchema).describe("The intermediates sent with it"),
    certificatePem: z.string().nullable(),
    updatedAt: isoDate().nullable(),
  })
  .meta({ id: "GatewayTls", description: "The HTTPS certificate of the gateways; the private key is never returned" });
export type GatewayTlsResource = z.infer<typeof gatewayTlsResourceSchema>;

/** The WorkspaceSetting row: the key is encrypted with lib/crypto/secret-box. */
export const storedGatewayTlsSchema = z.object({
  certificate: z.string(),
  encryptedPrivateKey: z.string(),
  updatedAt: z.string(),
});
export type StoredGatewayTls = z.infer<typeof storedGatewayTlsSchema>;
