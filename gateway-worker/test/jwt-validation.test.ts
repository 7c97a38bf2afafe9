// The jwt-validation policy against a local identity provider (JWKS on an
// ephemeral port): one row per way a token can fail, then what a good one
// leaves behind, JWKS failures, and key caching across config swaps.
import type { IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileConfig } from "../src/config/compile-config";
import { gatewayConfigSnapshotSchema, JWT_ALGORITHMS, type GatewayApi, type GatewayJwt } from "../src/contract/config-snapshot";
import { Pipeline } from "../src/pipeline/pipeline";
import { defaultPolicies } from "../src/policies";
import { jwtValidationPolicy, VERIFIED_TTL_MS } from "../src/policies/jwt-validation";
import type { PolicyContext } from "../src/policies/policy";
import { AUDIENCE, ISSUER, startTestIdp, type TestIdp } from "./helpers/jwks-server";
import { makeApi, makeSnapshot } from "./helpers/snapshots";

let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp();
});
afterAll(() => idp.close());

function jwtSettings(overrides: Partial<GatewayJwt> = {}, jwksPath = "/jwks") {
  return jwtValidationPolicy.schema.parse({
    issuer: ISSUER,
    audiences: ["other-api", AUDIENCE],
    jwksUri: `${idp.url}${jwksPath}`,
    requiredScopes: ["orders:read"],
    requiredRoles: ["clerk", "manager"],
    ...overrides,
  });
}

function makeCtx(headers: IncomingHttpHeaders = {}): PolicyContext {
  const api = makeApi();
  const config = compileConfig(gatewayConfigSnapshotSchema.parse(makeSnapshot({ apis: [api] })), new Pipeline(defaultPolicies));
  return { requestId: "r", method: "GET", pathname: "/demo", headers: { host: "gw", ...headers }, query: "", api, config, now: Date.now(), responseHeaders: {} };
}

const granted = { scope: "openid orders:read", realm_access: { roles: ["clerk"] } };
const past = () => Math.floor(Date.now() / 1000) - 120;

/** label, authorization header (built from the idp), expected code (null = accepted), what the message names */
type Row = [string, () => Promise<string | undefined>, "missing_token" | "invalid_token" | "insufficient_scope" | null, string];

describe("jwt-validation policy", () => {
  it.each<Row>([
    ["no token", async () => undefined, "missing_token", "missing"],
    ["another scheme", async () => "Basic dXNlcjpwdw==", "missing_token", "missing"],
    ["empty bearer", async () => "Bearer ", "missing_token", "missing"],
    ["malformed", async () => "Bearer not-a-jwt", "invalid_token", "malformed"],
    ["three garbage parts", async () => "Bearer a.b.c", "invalid_token", "malformed"],
    ["wrong issuer", async () => `Bearer ${await idp.sign(granted, { issuer: "https://evil.test" })}`, "invalid_token", "issuer"],
    ["wrong audience", async () => `Bearer ${await idp.sign(granted, { audience: "billing-api" })}`, "invalid_token", "audience"],
    ["expired", async () => `Bearer ${await idp.sign(granted, { expiresIn: past() })}`, "invalid_token", "expired"],
    ["bad signature", async () => `Bearer ${await idp.sign(granted, { foreignKey: true })}`, "invalid_token", "signature"],
    ["unknown key id", async () => `Bearer ${await idp.sign(granted, { kid: "rotated-away" })}`, "invalid_token", "key id"],
    ["missing scope", async () => `Bearer ${await idp.sign({ ...granted, scope: "openid" })}`, "insufficient_scope", "orders:read"],
    ["missing role", async () => `Bearer ${await idp.sign({ ...granted, realm_access: { roles: ["guest"] } })}`, "insufficient_scope", "roles"],
    ["ok", async () => `Bearer ${await idp.sign(granted)}`, null, ""],
    ["ok, lower-case scheme", async () => `bearer ${await idp.sign(granted)}`, null, ""],
    ["ok, scp array and top-level roles", async () => `Bearer ${await idp.sign({ scp: ["orders:read"], roles: ["manager"] })}`, null, ""],
    ["ok, expired within the clock tolerance", async () => `Bearer ${await idp.sign(granted, { expiresIn: Math.floor(Date.now() / 1000) - 10 })}`, null, ""],
  ])("%s", async (_label, header, code, says) => {
    const authorization = await header();
    const ctx = makeCtx(authorization === undefined ? {} : { authorization });
    const outcome = await jwtValidationPolicy.handle(ctx, jwtSettings());

    expect(outcome?.code ?? null).toBe(code);
    if (code === null) {
      expect(ctx.jwt).toMatchObject({ sub: "user-42" });
      return;
    }
    expect(ctx.jwt).toBeUndefined();
    expect(outcome!.message.toLowerCase()).toContain(says);
    expect(outcome!.status).toBe(code === "insufficient_scope" ? 403 : 401);
    const challenge = outcome!.headers?.["www-authenticate"];
    expect(challenge).toMatch(/^Bearer\b/);
    if (code === "invalid_token") expect(challenge).toContain('error="invalid_token"');
    if (code === "insufficient_scope") expect(challenge).toContain('error="insufficient_scope"');
    // Never echoes the token, or any part of it, back.
    const token = authorization?.split(" ")[1];
    if (token && token.length > 8) for (const part of token.split(".")) expect(JSON.stringify(outcome)).not.toContain(part);
  });

  it("names every missing scope in the WWW-Authenticate challenge", async () => {
    const ctx = makeCtx({ authorization: `Bearer ${await idp.sign({ ...granted, scope: "openid" })}` });
    const outcome = await jwtValidationPolicy.handle(ctx, jwtSettings({ requiredScopes: ["orders:read", "orders:write"] }));
    expect(outcome?.headers?.["www-authenticate"]).toBe('Bearer error="insufficient_scope", scope="orders:read orders:write"');
  });

  it("reads roles from a configured claim path and a token from a configured header", async () => {
    const token = await idp.sign({ ...granted, realm_access: undefined, resource_access: { orders: { roles: ["manager"] } } });
    const settings = jwtSettings({ rolesClaim: "resource_access.orders.roles", tokenHeader: "X-Access-Token" });
    expect(await jwtValidationPolicy.handle(makeCtx({ authorization: `Bearer ${token}` }), settings)).toMatchObject({ code: "missing_token" });
    expect(await jwtValidationPolicy.handle(makeCtx({ "x-access-token": `Bearer ${token}` }), settings)).toBeUndefined();
  });

  it("refuses a token without exp, and leaves the Authorization header for the backend", async () => {
    const noExp = makeCtx({ authorization: `Bearer ${await idp.sign(granted, { expiresIn: null })}` });
    expect(await jwtValidationPolicy.handle(noExp, jwtSettings())).toMatchObject({ status: 401, code: "invalid_token", message: expect.stringContaining("exp") });
    const ctx = makeCtx({ authorization: `Bearer ${await idp.sign(granted)}` });
    expect(await jwtValidationPolicy.handle(ctx, jwtSettings())).toBeUndefined();
    expect(ctx.headers.authorization).toMatch(/^Bearer /);
  });

  it("lets every request through when the API has no jwt settings", async () => {
    expect(jwtValidationPolicy.schema.parse(null)).toBeNull();
    expect(await jwtValidationPolicy.handle(makeCtx(), jwtValidationPolicy.schema.parse(undefined))).toBeUndefined();
  });
});

describe("a token verified before", () => {
  it("is refused once it expires, although its signature is remembered", async () => {
    const settings = jwtSettings({ clockToleranceSeconds: 0 });
    const token = await idp.sign(granted, { expiresIn: "10s" });
    const first = makeCtx({ authorization: `Bearer ${token}` });
    expect(await jwtValidationPolicy.handle(first, settings)).toBeUndefined();
    const soon = { ...makeCtx({ authorization: `Bearer ${token}` }), now: first.now + 5_000 };
    expect(await jwtValidationPolicy.handle(soon, settings)).toBeUndefined();
    expect(soon.jwt).toMatchObject({ sub: "user-42" });
    // Well within VERIFIED_TTL_MS: the remembered claims are checked against this request's time.
    const later = { ...makeCtx({ authorization: `Bearer ${token}` }), now: first.now + 11_000 };
    expect(VERIFIED_TTL_MS).toBeGreaterThan(11_000);
    expect(await jwtValidationPolicy.handle(later, settings)).toMatchObject({ status: 401, code: "invalid_token", message: "The bearer token has expired." });
  });

  it("is checked again under new settings (a config swap), and its remembered claims cannot be changed", async () => {
    const token = await idp.sign(granted);
    const ctx = makeCtx({ authorization: `Bearer ${token}` });
    expect(await jwtValidationPolicy.handle(ctx, jwtSettings())).toBeUndefined();
    expect(Object.isFrozen(ctx.jwt?.claims)).toBe(true);
    expect(() => {
      (ctx.jwt!.claims as Record<string, unknown>).sub = "someone-else";
    }).toThrow(TypeError);
    const otherAudience = jwtSettings({ audiences: ["another-api"] });
    expect(await jwtValidationPolicy.handle(makeCtx({ authorization: `Bearer ${token}` }), otherAudience)).toMatchObject({ code: "invalid_token", message: expect.stringContaining("audience") });
  });
});

describe("JWKS fetching", () => {
  it("fetches a key set once and keeps it across requests and config swaps", async () => {
    const open = { required: false, header: "Ocp-Apim-Subscription-Key", query: "subscription-key" };
    const api: GatewayApi = makeApi({ subscription: open, jwt: jwtSettingsRaw("/cached") });
    const token = await idp.sign(granted);
    for (let version = 1; version <= 3; version++) {
      // Each version compiles the pipeline afresh, as a config swap does.
      const config = compileConfig(gatewayConfigSnapshotSchema.parse(makeSnapshot({ version, apis: [api] })), new Pipeline(defaultPolicies));
      const { route } = config.routes.match("/demo")!;
      // After the subscription key, so keyless floods never reach signature checks or key fetches.
      const names = route.pipeline.policyNames;
      expect(names).toContain("subscription-key");
      expect(names.indexOf("jwt-validation")).toBeGreaterThan(names.indexOf("subscription-key"));
      for (let i = 0; i < 3; i++) {
        const ctx = { ...makeCtx({ authorization: `Bearer ${token}` }), api, config };
        expect(await route.pipeline.run(ctx)).toBeUndefined();
        expect(ctx.jwt).toMatchObject({ sub: "user-42" });
      }
      const refused = await route.pipeline.run({ ...makeCtx(), api, config });
      expect(refused).toMatchObject({ status: 401, code: "missing_token", headers: { "www-authenticate": "Bearer" } });
    }
    expect(idp.hits.get("/cached")).toBe(1);
  });

  it.each([
    ["answers 500", "/failing", 500],
    ["is unreachable", null, 0],
  ] as const)("answers 503 jwks_unavailable when the JWKS %s, and never throws", async (_label, path, status) => {
    const settings = path
      ? jwtSettings({}, path)
      : jwtValidationPolicy.schema.parse({ ...jwtSettingsRaw(""), jwksUri: "http://127.0.0.1:9/jwks" }); // port 9: discard, nothing listens
    if (status) idp.mode = status;
    try {
      const token = await idp.sign(granted);
      for (let i = 0; i < 2; i++) {
        // The second call falls within the failure back-off: same answer, without waiting for a fetch.
        const outcome = await jwtValidationPolicy.handle(makeCtx({ authorization: `Bearer ${token}` }), settings);
        expect(outcome).toMatchObject({ status: 503, code: "jwks_unavailable", headers: { "retry-after": "5" } });
      }
      if (path) expect(idp.hits.get(path)).toBe(1);
    } finally {
      idp.mode = "ok";
    }
  });
});

function jwtSettingsRaw(jwksPath: string) {
  return { issuer: ISSUER, audiences: [AUDIENCE], jwksUri: `${idp.url}${jwksPath}`, requiredScopes: [], requiredRoles: [], rolesClaim: "realm_access.roles", clockToleranceSeconds: 30, tokenHeader: "Authorization", algorithms: [...JWT_ALGORITHMS] };
}

describe("contract", () => {
  it.each([
    ["no audience", { audiences: [] }],
    ["JWKS not http(s)", { jwksUri: "file:///etc/jwks.json" }],
    ["negative clock tolerance", { clockToleranceSeconds: -5 }],
    ["alg none allowed", { algorithms: ["none"] }],
    ["HS256 allowed", { algorithms: ["RS256", "HS256"] }],
    ["an empty algorithm list", { algorithms: [] }],
  ])("refuses a snapshot whose jwt has %s", (_label, change) => {
    const api = makeApi({ jwt: { ...jwtSettingsRaw("/contract"), ...change } as GatewayJwt });
    expect(gatewayConfigSnapshotSchema.safeParse(makeSnapshot({ apis: [api] })).success).toBe(false);
  });

  it("fills the defaults of a minimal jwt", () => {
    const minimal = { issuer: ISSUER, audiences: [AUDIENCE], jwksUri: "https://idp.test/jwks" };
    const [api] = gatewayConfigSnapshotSchema.parse(makeSnapshot({ apis: [makeApi({ jwt: minimal as GatewayJwt })] })).apis;
    expect(api.jwt).toEqual({ ...minimal, requiredScopes: [], requiredRoles: [], rolesClaim: "realm_access.roles", clockToleranceSeconds: 30, tokenHeader: "Authorization", algorithms: [...JWT_ALGORITHMS] });
  });
});
