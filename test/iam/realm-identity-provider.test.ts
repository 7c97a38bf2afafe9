// Identity providers (federation, #16): a real oidc-provider instance acts as a partner's
// identity provider. Registered on a realm by discovery with a role mapping, its tokens pass the
// real gateway for an API bound to the realm when their claim maps to the required role, get 403
// when it does not, and are refused (401) when signed by a key not in its JWKS; an issuer the
// realm does not list is refused; a discovery document naming another issuer is refused at
// registration. Plus the management API around it: paging, changes, test connection, audit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeProtectedHeader, generateKeyPair, SignJWT } from "jose";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as providersRoute from "@/app/api/v1/realms/[realm]/identity-providers/route";
import * as providerRoute from "@/app/api/v1/realms/[realm]/identity-providers/[alias]/route";
import * as testRoute from "@/app/api/v1/realms/[realm]/identity-providers/[alias]/test/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { db } from "@/lib/db";
import { callGateway } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { startExternalProvider, type ExternalProvider } from "../support/external-oidc-provider";
import { freePort } from "../support/free-port";
import { createIdentity, type Caller } from "../support/identities";
import { importedApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";
import { clientCredentialsToken, realmWithReaderAndNobody } from "../support/realm-clients";
import { startRealmIssuerServer, type RealmIssuerServer } from "../support/realm-issuer-server";

const suffix = Math.random().toString(36).slice(2, 8);
const AUDIENCE = "urn:partner:orders";
let issuerServer: RealmIssuerServer;
let partner: ExternalProvider;

beforeAll(async () => {
  issuerServer = await startRealmIssuerServer();
  partner = await startExternalProvider({
    audience: AUDIENCE,
    clients: [
      { clientId: "sales-svc", secret: "sales-secret-0123456789abcdef", claims: { department: "sales", groups: ["staff"] } },
      { clientId: "support-svc", secret: "support-secret-0123456789abcdef", claims: { department: "support", groups: ["staff"] } },
      { clientId: "audit-svc", secret: "audit-secret-0123456789abcdef", claims: { department: "audit", groups: ["staff", "auditors"] } },
    ],
  });
});
afterAll(async () => {
  await partner?.close();
  await issuerServer?.close();
});

const base = (realm: string) => `/realms/${realm}/identity-providers`;
const register = (realm: string, body: Record<string, unknown>, as?: Caller) =>
  callRoute(providersRoute.POST, { method: "POST", path: base(realm), params: { realm }, body, as });
const mappings = [
  { claim: "department", value: "sales", role: "orders-reader" },
  { claim: "groups", value: "auditors", role: "orders-reader" },
];

/** A token with the partner's issuer and audience, signed with a key the partner never published. */
async function forgedPartnerToken(kid: string) {
  const { privateKey } = await generateKeyPair("RS256");
  return new SignJWT({ department: "sales", client_id: "sales-svc" })
    .setProtectedHeader({ alg: "RS256", kid, typ: "at+jwt" })
    .setIssuer(partner.issuer)
    .setAudience(AUDIENCE)
    .setSubject("sales-svc")
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(privateKey);
}

describe("an API bound to a realm with an identity provider", () => {
  const stack = useInProcessStack();

  it("accepts the provider's tokens whose claims map to the required role, and refuses the rest", async () => {
    const realm = `idp-gw-${suffix}`;
    const { issuer, reader } = await realmWithReaderAndNobody(realm);
    const path = uniquePath("federated");
    const api = await importedApi({ path, backendUrl: stack.backendUrl, subscriptionRequired: false });
    const bound = await callRoute(apiRoute.PATCH, {
      method: "PATCH",
      path: `/apis/${api.id}`,
      params: { apiId: api.id },
      body: { jwtRequirements: { realm, requiredRoles: ["orders-reader"] } },
    });
    expect(bound.status, JSON.stringify(bound.body)).toBe(200);
    const call = async (token: string) => (await callGateway(stack, `/${path}/hello`, { headers: { authorization: `Bearer ${token}` } })).status;

    const sales = await partner.tokenFor("sales-svc");
    expect(decodeProtectedHeader(sales)).toMatchObject({ alg: "RS256", kid: partner.kid });
    // Before registration the partner's issuer is a stranger to the API.
    await waitFor(async () => expect(await call(await clientCredentialsToken(issuer, reader))).toBe(200), 10_000);
    expect(await call(sales)).toBe(401);

    const created = await register(realm, { alias: "partner", issuer: partner.issuer, audience: AUDIENCE, roleMappings: mappings });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ alias: "partner", issuer: partner.issuer, jwksUri: `${partner.issuer}/jwks`, discovered: true, audience: AUDIENCE });

    await waitFor(async () => expect(await call(sales)).toBe(200), 10_000);
    // An array claim containing the mapped value grants the role too.
    expect(await call(await partner.tokenFor("audit-svc"))).toBe(200);
    // A valid token of the provider whose claims map to no required role.
    expect(await call(await partner.tokenFor("support-svc"))).toBe(403);
    // Signed by a key not in the provider's JWKS: under its published kid, and under a new one.
    expect(await call(await forgedPartnerToken(partner.kid))).toBe(401);
    expect(await call(await forgedPartnerToken("partner-key-2"))).toBe(401);
    // The realm's own tokens keep passing.
    expect(await call(await clientCredentialsToken(issuer, reader))).toBe(200);

    // A provider's mappings change on the gateway without touching the API.
    const patched = await callRoute(providerRoute.PATCH, {
      method: "PATCH",
      path: `${base(realm)}/partner`,
      params: { realm, alias: "partner" },
      body: { roleMappings: [{ claim: "department", value: "support", role: "orders-reader" }] },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    await waitFor(async () => expect(await call(await partner.tokenFor("support-svc"))).toBe(200), 10_000);
    expect(await call(sales)).toBe(403);

    // Removed: its tokens are strangers again.
    const removed = await callRoute(providerRoute.DELETE, { method: "DELETE", path: `${base(realm)}/partner`, params: { realm, alias: "partner" } });
    expect(removed.status).toBe(200);
    await waitFor(async () => expect(await call(await partner.tokenFor("support-svc"))).toBe(401), 10_000);

    const actions = await db().auditEvent.findMany({ where: { entityId: created.body.id }, orderBy: { at: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["realm.identity_provider_created", "realm.identity_provider_updated", "realm.identity_provider_deleted"]);
  });

  it("refuses a token from an issuer the realm does not list, and a provider token with another audience", async () => {
    const realm = `idp-aud-${suffix}`;
    await realmWithReaderAndNobody(realm);
    const path = uniquePath("federated-aud");
    const api = await importedApi({ path, backendUrl: stack.backendUrl, subscriptionRequired: false });
    await callRoute(apiRoute.PATCH, { method: "PATCH", path: `/apis/${api.id}`, params: { apiId: api.id }, body: { jwtRequirements: { realm } } });
    // No audience given: the provider's tokens must carry the API's (the realm default), which the partner's do not.
    expect((await register(realm, { alias: "partner", issuer: partner.issuer })).status).toBe(201);
    const call = async (token: string) => (await callGateway(stack, `/${path}/hello`, { headers: { authorization: `Bearer ${token}` } })).status;

    const { privateKey } = await generateKeyPair("RS256");
    const stranger = await new SignJWT({ department: "sales" })
      .setProtectedHeader({ alg: "RS256", kid: "stranger-1" })
      .setIssuer(`http://127.0.0.1:${await freePort()}`)
      .setAudience("portcullis")
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(privateKey);
    await waitFor(async () => {
      const answer = await callGateway(stack, `/${path}/hello`, { headers: { authorization: `Bearer ${stranger}` } });
      expect(answer.status).toBe(401);
      expect(answer.body.error.message).toBe("The bearer token's issuer is not accepted.");
    }, 10_000);
    await waitFor(async () => expect(await call(await partner.tokenFor("sales-svc"))).toBe(401), 10_000);
    const answer = await callGateway(stack, `/${path}/hello`, { headers: { authorization: `Bearer ${await partner.tokenFor("sales-svc")}` } });
    expect(answer.body.error.message).toBe("The bearer token's audience is not accepted.");
  });
});

describe("registering identity providers", () => {
  const realm = `idp-api-${suffix}`;
  beforeAll(async () => {
    await realmWithReaderAndNobody(realm);
  });

  it.each<[string, () => Promise<Record<string, unknown>>, number, string]>([
    ["a discovery document naming another issuer", async () => ({ alias: "slash", issuer: `${partner.issuer}/` }), 422, "names the issuer"],
    ["an issuer nobody answers for", async () => ({ alias: "gone", issuer: `http://127.0.0.1:${await freePort()}` }), 422, "unreachable"],
    ["plain http off this machine", async () => ({ alias: "plain", issuer: "http://idp.example.com" }), 400, "https"],
    ["an explicit JWKS URI over plain http", async () => ({ alias: "plainjwks", issuer: "https://idp.example.com", jwksUri: "http://idp.example.com/jwks" }), 400, "https"],
    ["a mapping to a role the realm lacks", async () => ({ alias: "norole", issuer: partner.issuer, roleMappings: [{ claim: "department", value: "sales", role: "admin" }] }), 422, "admin"],
    ["the realm's own issuer", async () => ({ alias: "self", issuer: `${issuerServer.origin}/realms/${realm}`, jwksUri: `${issuerServer.origin}/realms/${realm}/protocol/openid-connect/certs` }), 422, "itself"],
  ])("refuses %s", async (_label, body, status, says) => {
    const res = await register(realm, await body());
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(JSON.stringify(res.body.error)).toContain(says);
  });

  it("takes an explicit JWKS URI without discovery, refuses a second provider with the same alias or issuer, and pages by alias", async () => {
    const explicit = await register(realm, { alias: "b-explicit", issuer: "https://login.partner.example", jwksUri: "https://login.partner.example/keys", audience: "orders" });
    expect(explicit.status, JSON.stringify(explicit.body)).toBe(201);
    expect(explicit.body).toMatchObject({ discovered: false, jwksUri: "https://login.partner.example/keys" });
    expect((await register(realm, { alias: "b-explicit", issuer: partner.issuer })).status).toBe(409);
    expect((await register(realm, { alias: "c-same-issuer", issuer: "https://login.partner.example", jwksUri: "https://login.partner.example/keys" })).status).toBe(409);
    expect((await register(realm, { alias: "a-partner", issuer: partner.issuer, roleMappings: mappings })).status).toBe(201);

    const first = await callRoute(providersRoute.GET, { path: `${base(realm)}?limit=1`, params: { realm } });
    expect(first.status).toBe(200);
    expect(first.body.items.map((p: { alias: string }) => p.alias)).toEqual(["a-partner"]);
    const second = await callRoute(providersRoute.GET, { path: `${base(realm)}?limit=1&cursor=${first.body.nextCursor}`, params: { realm } });
    expect(second.body.items.map((p: { alias: string }) => p.alias)).toEqual(["b-explicit"]);
    expect(second.body.nextCursor).toBeNull();
    const one = await callRoute(providerRoute.GET, { path: `${base(realm)}/a-partner`, params: { realm, alias: "a-partner" } });
    expect(one.body.roleMappings).toEqual(mappings);

    const patch = (alias: string, body: unknown) => callRoute(providerRoute.PATCH, { method: "PATCH", path: `${base(realm)}/${alias}`, params: { realm, alias }, body });
    // `jwksUri: null` asks discovery, which this issuer does not answer: nothing changes.
    const rediscover = await patch("b-explicit", { jwksUri: null });
    expect(rediscover.status, JSON.stringify(rediscover.body)).toBe(422);
    expect(rediscover.body.error.message).toContain("Discovery failed");
    expect((await patch("b-explicit", { issuer: partner.issuer, jwksUri: `${partner.issuer}/jwks` })).status).toBe(409);
    const cleared = await patch("b-explicit", { audience: null, roleMappings: [{ claim: "org.unit", value: "42", role: "orders-reader" }] });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body).toMatchObject({ audience: null, discovered: false, jwksUri: "https://login.partner.example/keys", roleMappings: [{ claim: "org.unit", value: "42" }] });
    expect((await patch("b-explicit", {})).status).toBe(400);
  });

  it("tests the connection: the keys and algorithms found, or each step's error", async () => {
    const good = await callRoute(testRoute.POST, { method: "POST", path: `${base(realm)}/a-partner/test`, params: { realm, alias: "a-partner" } });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body).toMatchObject({
      ok: true,
      discovery: { ok: true, issuer: partner.issuer, jwksUri: `${partner.issuer}/jwks`, error: null },
      jwks: { ok: true, algorithms: ["RS256"], keys: [{ kid: partner.kid, kty: "RSA", alg: "RS256", use: "sig" }], error: null },
    });
    expect(JSON.stringify(good.body)).not.toMatch(/"(n|e|d)":/);

    const bad = await callRoute(testRoute.POST, { method: "POST", path: `${base(realm)}/b-explicit/test`, params: { realm, alias: "b-explicit" } });
    expect(bad.status).toBe(200);
    expect(bad.body.ok).toBe(false);
    expect(bad.body.jwks).toMatchObject({ ok: false, keys: [], url: "https://login.partner.example/keys" });
    expect(bad.body.jwks.error).toContain("login.partner.example");
  });

  it("lets readers list and look, and only managers register or test", async () => {
    const viewer = await createIdentity("viewer", { tag: "idp" });
    expect((await callRoute(providersRoute.GET, { path: base(realm), params: { realm }, as: viewer })).status).toBe(200);
    expect((await register(realm, { alias: "by-viewer", issuer: partner.issuer }, viewer)).status).toBe(403);
    expect((await callRoute(testRoute.POST, { method: "POST", path: `${base(realm)}/a-partner/test`, params: { realm, alias: "a-partner" }, as: viewer })).status).toBe(403);
  });
});
