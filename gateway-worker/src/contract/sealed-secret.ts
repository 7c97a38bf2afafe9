// Seals secrets the console ships to the gateways in the config snapshot, and
// opens them there: the snapshot sits in Redis, which must never hold a private
// key in clear. Both sides hold the same 32-byte GATEWAY_SECRETS_KEY. It is
// deliberately not the console's SECRETS_ENCRYPTION_KEY (subscription keys at
// rest): a gateway host can open what it must use, never the stored subscription
// keys. The format is described in sealed-secret-format.ts. node:crypto only, on
// its own export path, so the contract's schemas stay free of it for the browser.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { SEALED_SECRET_PREFIX, sealedSecretSchema, type SealedSecretPurpose } from "./sealed-secret-format.ts";

export { SEALED_SECRET_PREFIX, sealedSecretSchema, type SealedSecretPurpose } from "./sealed-secret-format.ts";

export class SealedSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealedSecretError";
  }
}

/** GATEWAY_SECRETS_KEY: 32 bytes, base64. Throws a readable error otherwise. */
export function secretsKeyFrom(base64: string): Buffer {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new SealedSecretError("GATEWAY_SECRETS_KEY must be 32 bytes, base64-encoded");
  return key;
}

/** Names a key without revealing it: the first 16 hex of its sha256. */
export function secretsKeyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

export function sealSecret(plain: string, key: Buffer, purpose: SealedSecretPurpose): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(purpose, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const parts = [secretsKeyId(key), iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")];
  return SEALED_SECRET_PREFIX + parts.join(":");
}

/** Throws SealedSecretError when the value is malformed, sealed with another key or for another purpose, or altered. */
export function openSecret(sealed: string, key: Buffer, purpose: SealedSecretPurpose): string {
  if (!sealedSecretSchema.safeParse(sealed).success) throw new SealedSecretError("not a sealed secret (sealed:v1:…)");
  const [keyId, iv, tag, body] = sealed.slice(SEALED_SECRET_PREFIX.length).split(":");
  const ownId = secretsKeyId(key);
  if (keyId !== ownId) {
    throw new SealedSecretError(`sealed with GATEWAY_SECRETS_KEY ${keyId}, but this gateway holds ${ownId}`);
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(purpose, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SealedSecretError(`sealed secret could not be opened as a ${purpose} (altered, or sealed for another purpose)`);
  }
}
