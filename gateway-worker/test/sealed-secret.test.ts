// The sealed-secret format the console and the gateways share: what opens, and
// every way a value must refuse to open.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, sealedSecretSchema, sealSecret, SealedSecretError, secretsKeyFrom } from "../src/contract/sealed-secret";

const key = randomBytes(32);
const pem = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";

describe("sealed secrets", () => {
  it("opens with the same key and purpose, names its key without revealing it, and never holds the plain text", () => {
    const sealed = sealSecret(pem, key, "gateway-tls-key");
    expect(sealedSecretSchema.safeParse(sealed).success).toBe(true);
    expect(sealed).not.toContain("PRIVATE KEY");
    expect(sealed).not.toContain(key.toString("hex").slice(0, 16));
    expect(openSecret(sealed, key, "gateway-tls-key")).toBe(pem);
    expect(sealSecret(pem, key, "gateway-tls-key")).not.toBe(sealed); // a fresh IV each time
  });

  const sealed = () => sealSecret(pem, key, "gateway-tls-key");
  const flipLast = (s: string) => s.slice(0, -2) + (s.at(-2) === "A" ? "B" : "A") + s.at(-1);
  it.each([
    ["another GATEWAY_SECRETS_KEY", () => openSecret(sealed(), randomBytes(32), "gateway-tls-key"), /sealed with GATEWAY_SECRETS_KEY [0-9a-f]{16}, but this gateway holds/],
    ["another purpose", () => openSecret(sealed(), key, "backend-client-key"), /altered, or sealed for another purpose/],
    ["an altered ciphertext", () => openSecret(flipLast(sealed()), key, "gateway-tls-key"), /altered/],
    ["the old dotted format", () => openSecret("v1.aaaa.bbbb.cccc", key, "gateway-tls-key"), /not a sealed secret/],
    ["a key that is not 32 bytes", () => secretsKeyFrom(Buffer.alloc(16).toString("base64")), /32 bytes/],
  ])("refuses %s", (_what, open, message) => {
    expect(open).toThrow(SealedSecretError);
    expect(open).toThrow(message);
  });
});
