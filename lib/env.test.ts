import { describe, expect, it } from "vitest";
import { assertProductionSecrets, env, type Env } from "./env";

const secrets = {
  NEXTAUTH_SECRET: "a-real-secret-0123456789",
  SECRETS_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  GATEWAY_SECRETS_KEY: Buffer.alloc(32, 2).toString("base64"),
};

describe("assertProductionSecrets", () => {
  const base = (): Env => ({ ...env(), ...secrets, NODE_ENV: "production" });

  it.each([
    ["the development NEXTAUTH_SECRET", { NEXTAUTH_SECRET: "portcullis-development-secret-change-me" }, /NEXTAUTH_SECRET/],
    ["the development encryption key", { SECRETS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") }, /SECRETS_ENCRYPTION_KEY/],
    ["the development gateway secrets key", { GATEWAY_SECRETS_KEY: Buffer.alloc(32, 9).toString("base64") }, /GATEWAY_SECRETS_KEY/],
  ])("refuses %s in production", (_name, override, message) => {
    expect(() => assertProductionSecrets({ ...base(), ...override })).toThrow(message);
  });

  it("accepts real secrets in production, and anything outside production", () => {
    expect(() => assertProductionSecrets(base())).not.toThrow();
    expect(() => assertProductionSecrets({ ...base(), NODE_ENV: "test", NEXTAUTH_SECRET: "portcullis-development-secret-change-me" })).not.toThrow();
  });
});
