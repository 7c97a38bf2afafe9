// An API that trusts its own issuer and an identity provider (federation): the token's `iss`
// picks the issuer, an issuer not listed is refused before any key is fetched, each issuer's
// tokens verify only with that issuer's keys and audiences, and a provider's tokens hold the
// roles its mappings grant, never role names of their own.
import type { IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileConfig } from "../src/config/compile-config";
import { gatewayConfigSnapshotSchema, gatewayJwtSchema } from "../src/contract/config-snapshot";
import { clearJwksCache } from "../src/jwt/remote-jwks-cache";
import { Pipeline } from "../src/pipeline/pipeline";
import { defaultPolicies } from "../src/policies";
import { jwtValidationPolicy } from "../src/policies/jwt-validation";
import type { PolicyContext } from "../src/policies/policy";
import { AUDIENCE, ISSUER, startTestIdp, type TestIdp } from "./helpers/jwks-server";
import { makeApi, makeSnapshot } from "./helpers/snapshots";

const PROVIDER = "https://login.partner.test";
const PROVIDER_AUDIENCE = "partner-orders";

let own: TestIdp;
let partner: TestIdp;
beforeAll(async () => {
  [own, partner] = await Promise.all([startTestIdp(), startTestIdp()]);
});
afterAll(async () => {
  await Promise.all([own?.close(), partner?.close()]);
});

const raw = () => ({
  issuer: ISSUER,
  audiences: [AUDIENCE],
  jwksUri: `${own.url}/own`,
  requiredRoles: ["orders-reader"],
  identityProviders: [
    {
      issuer: PROVIDER,
      jwksUri: `${partner.url}/partner`,
      audiences: [PROVIDER_AUDIENCE],
      roleMappings: [
        { claim: "department", value: "sales", role: "orders-reader" },
        { claim: "org.groups", value: "auditors", role: "orders-reader" },
      ],
    },
  ],
});
const settings = () => jwtValidationPolicy.schema.parse(raw());

function ctxWith(token: string): PolicyContext {
  const api = makeApi();
  const config = compileConfig(gatewayConfigSnapshotSchema.parse(makeSnapshot({ apis: [api] })), new Pipeline(defaultPolicies));
  const headers: IncomingHttpHeaders = { host: "gw", authorization: `Bearer ${token}` };
  return { requestId: "r", method: "GET", pathname: "/demo", headers, query: "", api, config, now: Date.now(), responseHeaders: {} };
}
const outcomeOf = async (token: string) => (await jwtValidationPolicy.handle(ctxWith(token), settings())) ?? { status: 200, code: "ok", message: "" };
const fromPartner = (claims: Record<string, unknown>, opts: Parameters<TestIdp["sign"]>[1] = {}) =>
  partner.sign(claims, { issuer: PROVIDER, audience: PROVIDER_AUDIENCE, ...opts });

describe("jwt-validation with identity providers", () => {
  // Both test issuers sign with kid "key-1": a key of the wrong issuer fails as a bad signature.
  it.each<[string, () => Promise<string>, number, string]>([
    ["the API's own issuer, with the role in its roles claim", () => own.sign({ realm_access: { roles: ["orders-reader"] } }), 200, ""],
    ["the provider, its claim mapped to the role", () => fromPartner({ department: "sales" }), 200, ""],
    ["the provider, an array claim containing the mapped value", () => fromPartner({ org: { groups: ["staff", "auditors"] } }), 200, ""],
    ["the provider, a claim value that maps to nothing", () => fromPartner({ department: "support" }), 403, "roles"],
    ["the provider, naming the role itself (unmapped)", () => fromPartner({ roles: ["orders-reader"], realm_access: { roles: ["orders-reader"] } }), 403, "roles"],
    ["the provider's issuer, signed by the API's own issuer's key", () => own.sign({ department: "sales" }, { issuer: PROVIDER, audience: PROVIDER_AUDIENCE }), 401, "signature"],
    ["the provider, signed with a key not in its JWKS", () => fromPartner({ department: "sales" }, { foreignKey: true }), 401, "signature"],
    ["the provider, with the API's audience instead of its own", () => fromPartner({ department: "sales" }, { audience: AUDIENCE }), 401, "audience"],
    ["the API's issuer, signed by the provider's key", () => partner.sign({ realm_access: { roles: ["orders-reader"] } }), 401, "signature"],
  ])("%s", async (_label, token, status, says) => {
    const outcome = await outcomeOf(await token());
    expect(outcome.status).toBe(status);
    expect(outcome.message.toLowerCase()).toContain(says);
  });

  it("refuses an issuer it does not list before fetching any key set", async () => {
    clearJwksCache();
    const before = [own.hits.get("/own") ?? 0, partner.hits.get("/partner") ?? 0];
    const stranger = await partner.sign({ department: "sales" }, { issuer: "https://stranger.test", audience: PROVIDER_AUDIENCE });
    expect(await outcomeOf(stranger)).toMatchObject({ status: 401, code: "invalid_token", message: "The bearer token's issuer is not accepted." });
    expect([own.hits.get("/own") ?? 0, partner.hits.get("/partner") ?? 0]).toEqual(before);
    expect(await outcomeOf("not-a-jwt")).toMatchObject({ status: 401, message: "The bearer token is malformed." });
  });

  it("refuses a configuration that lists one issuer twice", () => {
    const twice = raw();
    twice.identityProviders.push({ ...twice.identityProviders[0]! });
    expect(gatewayJwtSchema.safeParse(twice).success).toBe(false);
    expect(gatewayJwtSchema.safeParse({ ...raw(), identityProviders: [{ ...raw().identityProviders[0]!, jwksUri: "http://partner.test/jwks" }] }).success).toBe(false);
  });

  it("trusts nothing while its issuer is disabled (a disabled realm): valid tokens refused, no key fetched", async () => {
    clearJwksCache();
    const before = [own.hits.get("/own") ?? 0, partner.hits.get("/partner") ?? 0];
    const disabled = jwtValidationPolicy.schema.parse({ ...raw(), issuerDisabled: true });
    expect(disabled?.trusted.size).toBe(0);
    for (const token of [await own.sign({ realm_access: { roles: ["orders-reader"] } }), await fromPartner({ department: "sales" })]) {
      expect(await jwtValidationPolicy.handle(ctxWith(token), disabled)).toMatchObject({
        status: 401,
        code: "token_revoked",
        message: "The realm that issued this bearer token is disabled.",
      });
    }
    expect([own.hits.get("/own") ?? 0, partner.hits.get("/partner") ?? 0]).toEqual(before);
  });
});
