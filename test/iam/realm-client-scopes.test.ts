// Client scopes as Keycloak has them: a scope with a hardcoded-claim and an audience mapper,
// assigned to a client as optional, adds its claim, `aud` and `scope` only when the token request
// names it; a default scope is always there; an unassigned or unknown scope is invalid_scope;
// discovery lists the realm's scopes; the management API answers structured errors and audits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJwt } from "jose";
import * as realmsRoute from "@/app/api/v1/realms/route";
import * as clientsRoute from "@/app/api/v1/realms/[realm]/clients/route";
import * as clientRoute from "@/app/api/v1/realms/[realm]/clients/[clientId]/route";
import * as scopesRoute from "@/app/api/v1/realms/[realm]/client-scopes/route";
import * as scopeRoute from "@/app/api/v1/realms/[realm]/client-scopes/[name]/route";
import * as rolesRoute from "@/app/api/v1/realms/[realm]/roles/route";
import * as usersRoute from "@/app/api/v1/realms/[realm]/users/route";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { startRealmIssuerServer, type RealmIssuerServer } from "../support/realm-issuer-server";
import { authorizationCodeTokens } from "../support/realm-sign-in";

let server: RealmIssuerServer;
const realm = `scopes-${Math.random().toString(36).slice(2, 8)}`;
let issuer: string;
let secret: string;
const params = { realm };
const scopesPath = `/realms/${realm}/client-scopes`;

const tierScope = {
  name: "billing",
  description: "The billing API and its tier",
  mappers: [
    { name: "tier", type: "hardcoded-claim", claim: "billing.tier", value: "gold" },
    { name: "billing api", type: "audience", audience: "https://billing.example.com" },
  ],
};

async function token(scope?: string, clientSecret = secret, clientId = "worker") {
  const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret, ...(scope ? { scope } : {}) }),
  });
  const body = (await res.json()) as Record<string, string>;
  return { status: res.status, body, claims: body.access_token ? decodeJwt(body.access_token) : undefined };
}

beforeAll(async () => {
  server = await startRealmIssuerServer();
  const made = await callRoute(realmsRoute.POST, { method: "POST", path: "/realms", body: { name: realm } });
  expect(made.status).toBe(201);
  issuer = made.body.issuer;
  const scope = await callRoute(scopesRoute.POST, { method: "POST", path: scopesPath, params, body: tierScope });
  expect(scope.status, JSON.stringify(scope.body)).toBe(201);
  const stamp = await callRoute(scopesRoute.POST, {
    method: "POST",
    path: scopesPath,
    params,
    body: { name: "stamp", includeInTokenScope: false, mappers: [{ name: "org", type: "hardcoded-claim", claim: "org", value: "acme" }] },
  });
  expect(stamp.status).toBe(201);
  await callRoute(scopesRoute.POST, { method: "POST", path: scopesPath, params, body: { name: "unassigned" } });
  const client = await callRoute(clientsRoute.POST, {
    method: "POST",
    path: `/realms/${realm}/clients`,
    params,
    body: { clientId: "worker", type: "confidential", scopes: ["jobs:run"], defaultClientScopes: ["basic", "roles", "stamp"], optionalClientScopes: ["billing"] },
  });
  expect(client.status, JSON.stringify(client.body)).toBe(201);
  expect(client.body.client).toMatchObject({ defaultClientScopes: ["basic", "roles", "stamp"], optionalClientScopes: ["billing"] });
  secret = client.body.clientSecret;
});

afterAll(async () => {
  await server?.close();
});

describe("client scopes in tokens", () => {
  it("leaves an optional scope's claim, audience and name out when the request does not name it", async () => {
    const { status, body, claims } = await token();
    expect(status).toBe(200);
    expect(claims).not.toHaveProperty("billing");
    expect(claims!.aud).not.toContain("https://billing.example.com");
    expect(body.scope).toBe("jobs:run");
  });

  it("adds them with scope=billing", async () => {
    const { status, body, claims } = await token("billing jobs:run");
    expect(status).toBe(200);
    expect(claims).toMatchObject({ billing: { tier: "gold" }, scope: "billing jobs:run" });
    expect(claims!.aud).toEqual(expect.arrayContaining(["https://billing.example.com"]));
    expect(body.scope).toBe("billing jobs:run");
  });

  it("always applies default scopes; one not included in token scope adds claims but no name", async () => {
    for (const scope of [undefined, "billing"]) {
      const { claims } = await token(scope);
      expect(claims).toMatchObject({ org: "acme", realm_access: { roles: [] }, resource_access: {}, preferred_username: "service-account-worker" });
      expect(String(claims!.scope).split(" ")).not.toContain("stamp");
    }
  });

  it("refuses an unassigned, an unknown and the openid scope in client_credentials with invalid_scope", async () => {
    for (const scope of ["unassigned", "no-such-scope", "billing nope", "openid"]) {
      const { status, body } = await token(scope);
      expect(status, scope).toBe(400);
      expect(body.error, scope).toBe("invalid_scope");
    }
  });

  it("follows a changed mapper in the next token, and an unassigned scope is refused from then on", async () => {
    const patched = await callRoute(scopeRoute.PATCH, {
      method: "PATCH",
      path: `${scopesPath}/billing`,
      params: { realm, name: "billing" },
      body: { mappers: [{ name: "tier", type: "hardcoded-claim", claim: "billing.tier", value: "platinum" }] },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const { claims } = await token("billing");
    expect(claims).toMatchObject({ billing: { tier: "platinum" } });
    expect(claims!.aud).not.toContain("https://billing.example.com");

    const moved = await callRoute(clientRoute.PATCH, {
      method: "PATCH",
      path: `/realms/${realm}/clients/worker`,
      params: { realm, clientId: "worker" },
      body: { defaultClientScopes: ["basic", "roles", "billing"], optionalClientScopes: [] },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ defaultClientScopes: ["basic", "billing", "roles"], optionalClientScopes: [] });
    const always = await token();
    expect(always.claims).toMatchObject({ billing: { tier: "platinum" }, scope: "jobs:run billing" });
    expect(always.claims).not.toHaveProperty("org");
    expect((await token("stamp")).body.error).toBe("invalid_scope");
  });
});

describe("client scopes for a signed-in user", () => {
  const redirectUri = "http://127.0.0.1:9/callback";
  const password = "correct horse battery";
  let userId: string;

  beforeAll(async () => {
    const post = (handler: unknown, part: string, body: unknown) => callRoute(handler, { method: "POST", path: `/realms/${realm}/${part}`, params, body });
    expect((await post(rolesRoute.POST, "roles", { name: "staff" })).status).toBe(201);
    const directory = await post(scopesRoute.POST, "client-scopes", {
      name: "directory",
      includeInTokenScope: false,
      mappers: [
        { name: "mail", type: "user-attribute", attribute: "email", claim: "contact.email" },
        { name: "member roles", type: "realm-roles", claim: "member.roles" },
        { name: "uid", type: "user-attribute", attribute: "id", claim: "uid" },
      ],
    });
    expect(directory.status, JSON.stringify(directory.body)).toBe(201);
    const spa = await post(clientsRoute.POST, "clients", { clientId: "spa", type: "public", redirectUris: [redirectUri], optionalClientScopes: ["directory", "email"] });
    expect(spa.body.client).toMatchObject({ defaultClientScopes: ["basic", "roles"], optionalClientScopes: ["directory", "email"] });
    const user = await post(usersRoute.POST, "users", { username: "erin", email: "erin@example.com", password, roles: ["staff"] });
    userId = user.body.id;
  });

  const signIn = (scope: string) => authorizationCodeTokens({ issuer, clientId: "spa", redirectUri, scope, username: "erin", password });

  it("maps user attributes and realm roles into the claims an optional scope names, and keeps them through a refresh", async () => {
    const tokens = await signIn("openid directory");
    const claims = decodeJwt(tokens.access_token);
    expect(claims).toMatchObject({ contact: { email: "erin@example.com" }, member: { roles: ["staff"] }, uid: userId, sub: userId, realm_access: { roles: ["staff"] } });
    // Not included in token scope: the claims come, the name does not.
    expect(claims.scope).toBe("openid");
    expect(tokens.scope).toBe("openid");
    expect(claims).not.toHaveProperty("email");

    const refreshed = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: tokens.refresh_token!, client_id: "spa" }),
    });
    expect(refreshed.status).toBe(200);
    expect(decodeJwt(((await refreshed.json()) as { access_token: string }).access_token)).toMatchObject({ contact: { email: "erin@example.com" }, scope: "openid" });
  });

  it("leaves them out when the scope is not requested, and adds email with the email scope", async () => {
    const claims = decodeJwt((await signIn("openid email")).access_token);
    expect(claims).not.toHaveProperty("contact");
    expect(claims).toMatchObject({ email: "erin@example.com", preferred_username: "erin", scope: "openid email" });
  });
});

describe("the realm's built-in scopes", () => {
  it("are created with the realm and listed by discovery with openid", async () => {
    const meta = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as { scopes_supported: string[] };
    expect(meta.scopes_supported).toEqual(["openid", "basic", "billing", "directory", "email", "profile", "roles", "stamp", "unassigned"]);
    const list = await callRoute(scopesRoute.GET, { path: `${scopesPath}?search=ROL`, params });
    expect(list.body).toMatchObject({
      items: [{ name: "roles", includeInTokenScope: false, assignToNewClients: "default", mappers: [{ type: "realm-roles", claim: "realm_access.roles" }, { type: "client-roles" }] }],
      nextCursor: null,
    });
  });

  it("are given to a new client that names none: basic and roles by default, profile and email on request", async () => {
    const made = await callRoute(clientsRoute.POST, { method: "POST", path: `/realms/${realm}/clients`, params, body: { clientId: "plain", type: "confidential" } });
    expect(made.body.client).toMatchObject({ defaultClientScopes: ["basic", "roles"], optionalClientScopes: ["email", "profile"] });
    const { claims } = await token("profile", made.body.clientSecret, "plain");
    expect(claims).toMatchObject({ scope: "profile", preferred_username: "service-account-plain", realm_access: { roles: [] } });
  });
});

describe("management API", () => {
  const post = (body: unknown) => callRoute(scopesRoute.POST, { method: "POST", path: scopesPath, params, body });

  it.each([
    ["a name with a space", { name: "a b" }, 400, "validation_failed"],
    ["openid as a name", { name: "openid" }, 400, "validation_failed"],
    ["a mapper writing iss", { name: "x1", mappers: [{ name: "m", type: "hardcoded-claim", claim: "iss", value: "evil" }] }, 400, "validation_failed"],
    ["a mapper writing aud.x", { name: "x2", mappers: [{ name: "m", type: "hardcoded-claim", claim: "aud.x", value: "evil" }] }, 400, "validation_failed"],
    ["an unknown mapper type", { name: "x3", mappers: [{ name: "m", type: "script", claim: "a" }] }, 400, "validation_failed"],
    ["two mappers of one name", { name: "x4", mappers: [{ name: "m", type: "audience", audience: "a" }, { name: "m", type: "audience", audience: "b" }] }, 400, "validation_failed"],
    ["a taken name", { name: "billing" }, 409, "conflict"],
  ])("refuses %s", async (_label, body, status, code) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  });

  it("refuses unknown and doubly assigned scopes on a client with structured errors", async () => {
    const unknown = await callRoute(clientsRoute.POST, {
      method: "POST",
      path: `/realms/${realm}/clients`,
      params,
      body: { clientId: "bad", type: "confidential", optionalClientScopes: ["nope"] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: "unprocessable", message: expect.stringContaining("nope") });
    const both = await callRoute(clientRoute.PATCH, {
      method: "PATCH",
      path: `/realms/${realm}/clients/worker`,
      params: { realm, clientId: "worker" },
      body: { defaultClientScopes: ["billing"], optionalClientScopes: ["billing"] },
    });
    expect(both.status).toBe(400);
    expect(both.body.error.code).toBe("validation_failed");
  });

  it("answers 404 for an unknown scope, 409 when deleting one still assigned, and deletes a free one", async () => {
    const missing = await callRoute(scopeRoute.GET, { path: `${scopesPath}/nope`, params: { realm, name: "nope" } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
    const assigned = await callRoute(scopeRoute.DELETE, { method: "DELETE", path: `${scopesPath}/billing`, params: { realm, name: "billing" } });
    expect(assigned.status).toBe(409);
    expect(assigned.body.error.message).toContain("worker");
    const free = await callRoute(scopeRoute.DELETE, { method: "DELETE", path: `${scopesPath}/unassigned`, params: { realm, name: "unassigned" } });
    expect(free.status).toBe(200);
    expect((await callRoute(scopeRoute.GET, { path: `${scopesPath}/unassigned`, params: { realm, name: "unassigned" } })).status).toBe(404);
  });

  it("audits every change", async () => {
    const billing = await callRoute(scopeRoute.GET, { path: `${scopesPath}/billing`, params: { realm, name: "billing" } });
    const events = await db().auditEvent.findMany({ where: { entityId: billing.body.id }, orderBy: { at: "asc" }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(["realm.client_scope_created", "realm.client_scope_updated"]);
    const deleted = await db().auditEvent.count({ where: { action: "realm.client_scope_deleted", entityType: "realm_client_scope" } });
    expect(deleted).toBeGreaterThanOrEqual(1);
  });

  it("pages by name with nextCursor", async () => {
    const first = await callRoute(scopesRoute.GET, { path: `${scopesPath}?limit=2`, params });
    expect(first.body.items.map((s: { name: string }) => s.name)).toEqual(["basic", "billing"]);
    const second = await callRoute(scopesRoute.GET, { path: `${scopesPath}?limit=2&cursor=${first.body.nextCursor}`, params });
    expect(second.body.items.map((s: { name: string }) => s.name)).toEqual(["directory", "email"]);
  });
});
