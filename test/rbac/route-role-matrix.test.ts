// Every management route x every role: allowed or denied, enforced server-side.
// Route files are discovered on disk, so a route or method added without a row here fails.
// Calls use made-up ids and a body that is not JSON: an allowed role gets past withAuth
// (and answers 400/404, never 401/403/500) without changing anything; a denied role gets 403.
import { beforeAll, describe, expect, it } from "vitest";
import type { UserRoleName } from "@/lib/iam/roles";
import { userRoles } from "@/lib/iam/roles";
import { getOpenApiDocument } from "@/lib/management-api/build-openapi-document";
import { callRoute } from "../support/call-route";
import { discoverApiRoutes, type DiscoveredRoute } from "../support/discover-api-routes";
import { createIdentityPerRole, type Identity } from "../support/identities";

const A: UserRoleName = "platform_admin";
const P: UserRoleName = "api_publisher";
const V: UserRoleName = "viewer";
const D: UserRoleName = "developer";
const EVERYONE = [A, P, V, D];
const CONSOLE = [A, P, V];
const MANAGERS = [A, P];
const SUBSCRIBERS = [A, P, D];
const ADMIN_ONLY = [A];
const AUDITORS = [A, V];

/** Who may call each route; "public" needs no credentials at all. */
const allowedRoles: Record<string, UserRoleName[] | "public"> = {
  "GET /apis": EVERYONE,
  "POST /apis": MANAGERS,
  "GET /apis/{apiId}": EVERYONE,
  "PATCH /apis/{apiId}": MANAGERS,
  "DELETE /apis/{apiId}": MANAGERS,
  "GET /apis/{apiId}/reference": EVERYONE,
  "GET /apis/{apiId}/example-call": EVERYONE,
  "GET /apis/{apiId}/test-requests": CONSOLE,
  "POST /apis/{apiId}/test-requests": MANAGERS,
  "POST /apis/validate": MANAGERS,
  "GET /apis/{apiId}/lint": CONSOLE,
  "GET /apis/{apiId}/revisions": CONSOLE,
  "POST /apis/{apiId}/revisions": MANAGERS,
  "GET /apis/{apiId}/revisions/{number}/diff": CONSOLE,
  "POST /apis/{apiId}/revisions/{number}/make-current": MANAGERS,
  "GET /apis/{apiId}/operation-policies": CONSOLE,
  "PUT /apis/{apiId}/operation-policies": MANAGERS,
  "DELETE /apis/{apiId}/operation-policies": MANAGERS,
  "GET /apis/{apiId}/effective-policy": CONSOLE,
  "POST /apis/{apiId}/access-rules/test": CONSOLE,
  "GET /version-sets": CONSOLE,
  "POST /version-sets": MANAGERS,
  "GET /version-sets/{versionSetId}": CONSOLE,
  "PATCH /version-sets/{versionSetId}": MANAGERS,
  "DELETE /version-sets/{versionSetId}": MANAGERS,
  "GET /products": EVERYONE,
  "POST /products": MANAGERS,
  "GET /products/{productId}": EVERYONE,
  "PATCH /products/{productId}": MANAGERS,
  "DELETE /products/{productId}": MANAGERS,
  "GET /subscriptions": EVERYONE,
  "POST /subscriptions": SUBSCRIBERS,
  "GET /subscriptions/{subscriptionId}": EVERYONE,
  "PATCH /subscriptions/{subscriptionId}": SUBSCRIBERS,
  "GET /subscriptions/{subscriptionId}/secrets": SUBSCRIBERS,
  "GET /subscriptions/{subscriptionId}/usage": EVERYONE,
  "POST /subscriptions/{subscriptionId}/regenerate-key": SUBSCRIBERS,
  "PUT /subscriptions/{subscriptionId}/app": SUBSCRIBERS,
  "DELETE /subscriptions/{subscriptionId}/app": SUBSCRIBERS,
  "GET /me": EVERYONE,
  "PATCH /me": EVERYONE,
  "DELETE /me": [D],
  "POST /me/password": EVERYONE,
  "GET /me/mfa": EVERYONE,
  "POST /me/mfa/totp": EVERYONE,
  "POST /me/mfa/totp/{factorId}/confirm": EVERYONE,
  "POST /me/mfa/passkeys/options": EVERYONE,
  "POST /me/mfa/passkeys": EVERYONE,
  "DELETE /me/mfa/factors/{factorId}": EVERYONE,
  "POST /me/mfa/recovery-codes": EVERYONE,
  "GET /me/apps": SUBSCRIBERS,
  "POST /me/apps": SUBSCRIBERS,
  "GET /me/apps/{appId}": SUBSCRIBERS,
  "DELETE /me/apps/{appId}": SUBSCRIBERS,
  "POST /me/apps/{appId}/secret": SUBSCRIBERS,
  "POST /me/apps/{appId}/token": SUBSCRIBERS,
  "POST /users/{userId}/mfa/reset": ADMIN_ONLY,
  "GET /users": AUDITORS,
  "POST /users": ADMIN_ONLY,
  "GET /users/{userId}": AUDITORS,
  "PATCH /users/{userId}": ADMIN_ONLY,
  "POST /users/{userId}/approve": ADMIN_ONLY,
  "POST /invitations": ADMIN_ONLY,
  "GET /tokens": ADMIN_ONLY,
  "POST /tokens": ADMIN_ONLY,
  "DELETE /tokens/{tokenId}": ADMIN_ONLY,
  "GET /audit-events": AUDITORS,
  "GET /settings": CONSOLE,
  "PATCH /settings": ADMIN_ONLY,
  "GET /openapi.json": "public",
  "POST /signup": "public",
  "GET /config-delivery": CONSOLE,
  "GET /realms": CONSOLE,
  "POST /realms": ADMIN_ONLY,
  "GET /realms/{realm}": CONSOLE,
  "PATCH /realms/{realm}": ADMIN_ONLY,
  "DELETE /realms/{realm}": ADMIN_ONLY,
  "GET /realms/{realm}/roles": CONSOLE,
  "POST /realms/{realm}/roles": ADMIN_ONLY,
  "GET /realms/{realm}/groups": CONSOLE,
  "POST /realms/{realm}/groups": ADMIN_ONLY,
  "GET /realms/{realm}/users": CONSOLE,
  "POST /realms/{realm}/users": ADMIN_ONLY,
  "PATCH /realms/{realm}/users/{userId}": ADMIN_ONLY,
  "POST /realms/{realm}/users/{userId}/mfa/reset": ADMIN_ONLY,
  "GET /realms/{realm}/users/{userId}/identity-links": CONSOLE,
  "DELETE /realms/{realm}/users/{userId}/identity-links/{alias}": ADMIN_ONLY,
  "POST /realms/{realm}/users/{userId}/logout": ADMIN_ONLY,
  "GET /realms/{realm}/sessions": CONSOLE,
  "DELETE /realms/{realm}/sessions/{sessionId}": ADMIN_ONLY,
  "GET /realms/{realm}/clients": CONSOLE,
  "POST /realms/{realm}/clients": ADMIN_ONLY,
  "GET /realms/{realm}/clients/{clientId}": CONSOLE,
  "PATCH /realms/{realm}/clients/{clientId}": ADMIN_ONLY,
  "POST /realms/{realm}/clients/{clientId}/rotate-secret": ADMIN_ONLY,
  "GET /realms/{realm}/client-scopes": CONSOLE,
  "POST /realms/{realm}/client-scopes": ADMIN_ONLY,
  "GET /realms/{realm}/client-scopes/{name}": CONSOLE,
  "PATCH /realms/{realm}/client-scopes/{name}": ADMIN_ONLY,
  "DELETE /realms/{realm}/client-scopes/{name}": ADMIN_ONLY,
  "GET /realms/{realm}/clients/{clientId}/certificates": CONSOLE,
  "POST /realms/{realm}/clients/{clientId}/certificates": ADMIN_ONLY,
  "POST /realms/{realm}/clients/{clientId}/certificates/{serialNumber}/revoke": ADMIN_ONLY,
  "GET /realms/{realm}/certificate-authority": CONSOLE,
  "GET /realms/{realm}/keys": CONSOLE,
  "POST /realms/{realm}/keys/rotate": ADMIN_ONLY,
  "GET /realms/{realm}/identity-providers": CONSOLE,
  "POST /realms/{realm}/identity-providers": ADMIN_ONLY,
  "GET /realms/{realm}/identity-providers/{alias}": CONSOLE,
  "PATCH /realms/{realm}/identity-providers/{alias}": ADMIN_ONLY,
  "DELETE /realms/{realm}/identity-providers/{alias}": ADMIN_ONLY,
  "POST /realms/{realm}/identity-providers/{alias}/test": ADMIN_ONLY,
  "GET /gateway-tls": AUDITORS,
  "PUT /gateway-tls": ADMIN_ONLY,
  "DELETE /gateway-tls": ADMIN_ONLY,
  "GET /gateways": CONSOLE,
  "GET /analytics/requests": EVERYONE,
  "GET /analytics/top": EVERYONE,
  "GET /analytics/requests/log": EVERYONE,
};

/** One's own second factors are changed from a console session only: API tokens get 403 there (lib/iam/mfa/own-factors.ts). */
const sessionOnly = new Set(Object.keys(allowedRoles).filter((key) => key.includes(" /me/mfa/")));

let routes: DiscoveredRoute[] = [];
/** Every role through both ways in: scripts' API tokens and the console's and portal's session cookies. */
const waysIn = ["token", "session"] as const;
let identities: Record<(typeof waysIn)[number], Record<UserRoleName, Identity>>;

beforeAll(async () => {
  routes = await discoverApiRoutes();
  const [token, session] = await Promise.all(waysIn.map((via) => createIdentityPerRole({ via, tag: "rbac" })));
  identities = { token: token!, session: session! };
});

/** Fills every {param} with an id that does not exist and sends a body that is not JSON. */
function requestFor(route: DiscoveredRoute, as: Identity | null) {
  const params = Object.fromEntries([...route.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], "rbac-missing-id"]));
  const hasBody = ["POST", "PUT", "PATCH"].includes(route.method);
  return { method: route.method, path: route.path, params, as, ...(hasBody ? { rawBody: "{not json" } : {}) };
}

describe("the role table", () => {
  it("has exactly one row per route file method under app/api/v1", () => {
    const discovered = routes.map((r) => r.key).sort();
    expect(discovered.length).toBeGreaterThan(20);
    expect(discovered.filter((k) => !(k in allowedRoles)), "routes without a row in allowedRoles").toEqual([]);
    expect(Object.keys(allowedRoles).filter((k) => !discovered.includes(k)), "rows for routes that no longer exist").toEqual([]);
  });

  it("matches the roles the OpenAPI document announces", () => {
    const paths = getOpenApiDocument().paths as Record<string, Record<string, { "x-roles"?: string[]; security?: unknown[] }>>;
    for (const [key, allowed] of Object.entries(allowedRoles)) {
      const [method, path] = key.split(" ") as [string, string];
      const operation = paths[path]?.[method.toLowerCase()];
      if (allowed === "public") expect(operation?.security, key).toEqual([]);
      else expect([...(operation?.["x-roles"] ?? [])].sort(), key).toEqual([...allowed].sort());
    }
  });
});

describe.each(userRoles.flatMap((role) => waysIn.map((via) => [role, via] as const)))("as %s with a %s", (role, via) => {
  it("is allowed exactly where the table says, denied with 403 forbidden elsewhere", async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const allowed = allowedRoles[route.key];
      if (!allowed) continue; // reported by the table test
      const res = await callRoute(route.handler, requestFor(route, identities[via][role]));
      const expectAllowed = allowed === "public" || (allowed.includes(role) && !(via === "token" && sessionOnly.has(route.key)));
      if (expectAllowed && (res.status === 401 || res.status === 403 || res.status >= 500)) {
        failures.push(`${route.key}: expected allowed, got ${res.status} ${JSON.stringify(res.body?.error)}`);
      }
      if (!expectAllowed && (res.status !== 403 || res.body?.error?.code !== "forbidden")) {
        failures.push(`${route.key}: expected 403 forbidden, got ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("without credentials", () => {
  it("every route but the public ones answers 401 unauthorized", async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const res = await callRoute(route.handler, requestFor(route, null));
      // A public route that takes a body refuses the matrix's non-JSON one with 400.
      const isPublic = allowedRoles[route.key] === "public";
      const expected = isPublic ? (["POST", "PUT", "PATCH"].includes(route.method) ? 400 : 200) : 401;
      if (res.status !== expected) failures.push(`${route.key}: expected ${expected}, got ${res.status}`);
      if (expected === 401 && res.body?.error?.code !== "unauthorized") failures.push(`${route.key}: code ${res.body?.error?.code}`);
    }
    expect(failures).toEqual([]);
  });
});
