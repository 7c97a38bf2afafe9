// Reading what a verified token grants: its scopes (OAuth 2 `scope`, or
// Azure AD / Okta style `scp`) and its roles (Keycloak's realm_access.roles by
// default, any dot path configurable, plus a top-level `roles` as Azure AD,
// Auth0 and many others put them). Claims of the wrong type grant nothing.
import type { IncomingHttpHeaders } from "node:http";
import type { JWTPayload } from "jose";
import { firstHeaderValue } from "../http/headers.js";

/** `Bearer <token>` from `headerName` (lower case); undefined when absent, empty or another scheme. */
export function bearerTokenFrom(headers: IncomingHttpHeaders, headerName: string): string | undefined {
  const value = firstHeaderValue(headers, headerName)?.trim();
  const match = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
  return match?.[1];
}

/** Space-separated string or array of strings; anything else counts as none. */
function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return value.split(" ").filter((s) => s !== "");
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

export function scopesOf(payload: JWTPayload): Set<string> {
  return new Set([...stringsOf(payload.scope), ...stringsOf(payload.scp)]);
}

/** Follows a dot path ("realm_access.roles") through nested claim objects. */
export function claimAt(payload: JWTPayload, path: string): unknown {
  let node: unknown = payload;
  for (const key of path.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export function rolesOf(payload: JWTPayload, rolesClaim: string): Set<string> {
  const fromPath = claimAt(payload, rolesClaim);
  // Roles are names, not a space-separated list: a single string is one role.
  const asList = (v: unknown) => (typeof v === "string" ? [v] : stringsOf(v));
  return new Set([...asList(fromPath), ...(rolesClaim === "roles" ? [] : asList(payload.roles))]);
}

export function missingScopes(payload: JWTPayload, required: readonly string[]): string[] {
  const granted = scopesOf(payload);
  return required.filter((s) => !granted.has(s));
}

/** Any one of `required` suffices; none required always passes. */
export function hasAnyRole(payload: JWTPayload, required: readonly string[], rolesClaim: string): boolean {
  if (required.length === 0) return true;
  const granted = rolesOf(payload, rolesClaim);
  return required.some((r) => granted.has(r));
}
