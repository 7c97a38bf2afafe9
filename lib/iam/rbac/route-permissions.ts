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
  "POST /apis/validate": "apis.write",
  "GET /apis/{apiId}/lint": "revisions.read",
  "GET /apis/{apiId}/revisions": "revisions.read",
  "POST /apis/{apiId}/revisions": "apis.write",
  "GET /apis/{apiId}/revisions/{number}/diff": "revisions.read",
  "POST /apis/{apiId}/revisions/{number}/make-current": "apis.write",
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
  "POST /subscriptions/{subscriptionId}/regenerate-key": "subscriptions.write",
  "GET /me": "profile.read",
  "GET /users": "users.read",
  "POST /users": "users.manage",
  "GET /users/{userId}": "users.read",
  "PATCH /users/{userId}": "users.manage",
  "GET /tokens": "tokens.manage",
  "POST /tokens": "tokens.manage",
  "DELETE /tokens/{tokenId}": "tokens.manage",
  "GET /audit-events": "audit.read",
  "GET /settings": "settings.read",
  "PATCH /settings": "settings.write",
  "GET /config-delivery": "config.read",
  /** Describes the API and grants nothing; the portal shows it to signed-out readers. */
  "GET /openapi.json": "public",
} as const satisfies Record<string, Permission | "public">;

export type RouteKey = keyof typeof routePermissions;

/** The keys withAuth accepts: a public route has no handler wrapper to name it. */
export type GuardedRouteKey = { [K in RouteKey]: (typeof routePermissions)[K] extends "public" ? never : K }[RouteKey];

/** The access of "METHOD /path", or undefined when the route has no row. */
export function routeAccessOf(key: string): Permission | "public" | undefined {
  return Object.hasOwn(routePermissions, key) ? routePermissions[key as RouteKey] : undefined;
}
