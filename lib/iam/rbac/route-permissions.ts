// Which permission each management API route requires, keyed "METHOD /path" as in the
// OpenAPI document (relative to /api/v1). Route handlers name their key
// (withAuth(handler, { route: "POST /products" })) and the OpenAPI builder reads the
// same row, so a route's access is written here and nowhere else.
//
// Why a table and not the OpenAPI entries: Next.js route files may export only HTTP
// methods, so the builder cannot read a declaration from them; and the OpenAPI entries
// pull every response schema in, which the handlers should not load. This file
// depends on nothing but the permission table. test/rbac/route-permissions.test.ts
// fails when a route file has no row, a row has no route, or a handler names another
// route's key.
import type { Permission } from "./permissions";

export const routePermissions = {
  "GET /apis": "apis.read",
  "POST /apis": "apis.write",
  "GET /apis/{apiId}": "apis.read",
  "PATCH /apis/{apiId}": "apis.write",
  "DELETE /apis/{apiId}": "apis.write",
  /** The portal's API page: the current revision's document on the gateway (developers: published APIs only) and the caller's own subscriptions to it. */
  "GET /apis/{apiId}/reference": "apis.read",
  "GET /apis/{apiId}/example-call": "apis.read",
  // Writes, not reads: it acts with a subscription key and reaches the backend, whose operations may change data.
  "GET /apis/{apiId}/test-requests": "revisions.read",
  "POST /apis/{apiId}/test-requests": "apis.write",
  "POST /apis/validate": "apis.write",
  "GET /apis/{apiId}/lint": "revisions.read",
  "GET /apis/{apiId}/revisions": "revisions.read",
  "POST /apis/{apiId}/revisions": "apis.write",
  "GET /apis/{apiId}/revisions/{number}/diff": "revisions.read",
  "POST /apis/{apiId}/revisions/{number}/make-current": "apis.write",
  "GET /apis/{apiId}/operation-policies": "gateway-policies.read",
  "PUT /apis/{apiId}/operation-policies": "apis.write",
  "DELETE /apis/{apiId}/operation-policies": "apis.write",
  "GET /apis/{apiId}/effective-policy": "gateway-policies.read",
  "POST /apis/{apiId}/access-rules/test": "gateway-policies.read",
  "GET /version-sets": "version-sets.read",
  "POST /version-sets": "version-sets.write",
  "GET /version-sets/{versionSetId}": "version-sets.read",
  "PATCH /version-sets/{versionSetId}": "version-sets.write",
  "DELETE /version-sets/{versionSetId}": "version-sets.write",
  "GET /products": "products.read",
  "POST /products": "products.write",
  "GET /products/{productId}": "products.read",
  "PATCH /products/{productId}": "products.write",
  "DELETE /products/{productId}": "products.write",
  "GET /subscriptions": "subscriptions.read",
  "POST /subscriptions": "subscriptions.write",
  "GET /subscriptions/{subscriptionId}": "subscriptions.read",
  "PATCH /subscriptions/{subscriptionId}": "subscriptions.write",
  "GET /subscriptions/{subscriptionId}/secrets": "subscription-keys.read",
  "GET /subscriptions/{subscriptionId}/usage": "subscriptions.read",
  "POST /subscriptions/{subscriptionId}/regenerate-key": "subscriptions.write",
  /** Bind one's own subscription to one's own app (portal My apps): with a JWT, the key then goes with that app's tokens only. */
  "PUT /subscriptions/{subscriptionId}/app": "apps.self",
  "DELETE /subscriptions/{subscriptionId}/app": "apps.self",
  "GET /me": "profile.read",
  "PATCH /me": "profile.write",
  "DELETE /me": "account.delete",
  /** Needs the current password, counted like a sign-in. */
  "POST /me/password": "profile.write",
  "GET /me/mfa": "mfa.self",
  "POST /me/mfa/totp": "mfa.self",
  "POST /me/mfa/totp/{factorId}/confirm": "mfa.self",
  "POST /me/mfa/passkeys/options": "mfa.self",
  "POST /me/mfa/passkeys": "mfa.self",
  "DELETE /me/mfa/factors/{factorId}": "mfa.self",
  "POST /me/mfa/recovery-codes": "mfa.self",
  "GET /me/apps": "apps.self",
  "POST /me/apps": "apps.self",
  "GET /me/apps/{appId}": "apps.self",
  "DELETE /me/apps/{appId}": "apps.self",
  "POST /me/apps/{appId}/secret": "apps.self",
  "POST /me/apps/{appId}/token": "apps.self",
  "POST /users/{userId}/mfa/reset": "users.manage",
  "GET /users": "users.read",
  "POST /users": "users.manage",
  "GET /users/{userId}": "users.read",
  "PATCH /users/{userId}": "users.manage",
  "POST /users/{userId}/approve": "users.manage",
  /** Portal sign-up invitations (sign-up mode "invitation"). */
  "POST /invitations": "users.manage",
  "GET /tokens": "tokens.manage",
  "POST /tokens": "tokens.manage",
  "DELETE /tokens/{tokenId}": "tokens.manage",
  "GET /audit-events": "audit.read",
  "GET /settings": "settings.read",
  "PATCH /settings": "settings.write",
  "GET /config-delivery": "config.read",
  "GET /realms": "realms.read",
  "POST /realms": "realms.manage",
  "GET /realms/{realm}": "realms.read",
  "PATCH /realms/{realm}": "realms.manage",
  "DELETE /realms/{realm}": "realms.manage",
  "GET /realms/{realm}/roles": "realms.read",
  "POST /realms/{realm}/roles": "realms.manage",
  "GET /realms/{realm}/groups": "realms.read",
  "POST /realms/{realm}/groups": "realms.manage",
  "GET /realms/{realm}/users": "realms.read",
  "POST /realms/{realm}/users": "realms.manage",
  "PATCH /realms/{realm}/users/{userId}": "realms.manage",
  "POST /realms/{realm}/users/{userId}/mfa/reset": "realms.manage",
  "GET /realms/{realm}/users/{userId}/identity-links": "realms.read",
  "DELETE /realms/{realm}/users/{userId}/identity-links/{alias}": "realms.manage",
  "POST /realms/{realm}/users/{userId}/logout": "realms.manage",
  "GET /realms/{realm}/sessions": "realms.read",
  "DELETE /realms/{realm}/sessions/{sessionId}": "realms.manage",
  "GET /realms/{realm}/clients": "realms.read",
  "POST /realms/{realm}/clients": "realms.manage",
  "GET /realms/{realm}/clients/{clientId}": "realms.read",
  "PATCH /realms/{realm}/clients/{clientId}": "realms.manage",
  "POST /realms/{realm}/clients/{clientId}/rotate-secret": "realms.manage",
  "GET /realms/{realm}/client-scopes": "realms.read",
  "POST /realms/{realm}/client-scopes": "realms.manage",
  "GET /realms/{realm}/client-scopes/{name}": "realms.read",
  "PATCH /realms/{realm}/client-scopes/{name}": "realms.manage",
  "DELETE /realms/{realm}/client-scopes/{name}": "realms.manage",
  "GET /realms/{realm}/clients/{clientId}/certificates": "realms.read",
  "POST /realms/{realm}/clients/{clientId}/certificates": "realms.manage",
  "POST /realms/{realm}/clients/{clientId}/certificates/{serialNumber}/revoke": "realms.manage",
  "GET /realms/{realm}/certificate-authority": "realms.read",
  "GET /realms/{realm}/keys": "realms.read",
  "POST /realms/{realm}/keys/rotate": "realms.manage",
  "GET /realms/{realm}/identity-providers": "realms.read",
  "POST /realms/{realm}/identity-providers": "realms.manage",
  "GET /realms/{realm}/identity-providers/{alias}": "realms.read",
  "PATCH /realms/{realm}/identity-providers/{alias}": "realms.manage",
  "DELETE /realms/{realm}/identity-providers/{alias}": "realms.manage",
  /** Makes the console fetch the provider's URLs: for those who may change it. */
  "POST /realms/{realm}/identity-providers/{alias}/test": "realms.manage",
  "GET /gateway-tls": "gateway-tls.read",
  "PUT /gateway-tls": "gateway-tls.write",
  "DELETE /gateway-tls": "gateway-tls.write",
  "GET /gateways": "gateways.read",
  "GET /analytics/requests": "analytics.read",
  "GET /analytics/top": "analytics.read",
  "GET /analytics/requests/log": "analytics.read",
  /** Describes the API and grants nothing; the portal shows it to signed-out readers. */
  "GET /openapi.json": "public",
  /** A visitor creates a developer account; throttled per address and email, and the workspace's sign-up mode applies. */
  "POST /signup": "public",
} as const satisfies Record<string, Permission | "public">;

export type RouteKey = keyof typeof routePermissions;

/** The keys withAuth accepts: a public route has no handler wrapper to name it. */
export type GuardedRouteKey = { [K in RouteKey]: (typeof routePermissions)[K] extends "public" ? never : K }[RouteKey];

/** The access of "METHOD /path", or undefined when the route has no row. */
export function routeAccessOf(key: string): Permission | "public" | undefined {
  return Object.hasOwn(routePermissions, key) ? routePermissions[key as RouteKey] : undefined;
}
