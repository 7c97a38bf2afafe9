// Which issuer a bearer token is checked against. An API trusts its own issuer and, when it is
// bound to a realm, the realm's identity providers (federation). The token's `iss` picks one
// before anything is fetched: a token naming any other issuer is refused without a JWKS request,
// and each issuer's tokens are verified with that issuer's keys and audiences only, so one
// provider's key can never vouch for another issuer.
import { decodeJwt, type JWTPayload, type JWTVerifyGetKey } from "jose";
import type { GatewayJwt } from "../contract/config-snapshot.js";
import { claimAt, hasAnyRole } from "./token-claims.js";
import { remoteJwksFor } from "./remote-jwks-cache.js";

type RoleMapping = NonNullable<GatewayJwt["identityProviders"]>[number]["roleMappings"][number];

export type TrustedIssuer = {
  readonly issuer: string;
  readonly audiences: string[];
  readonly keys: JWTVerifyGetKey;
  /** null: the API's own issuer, whose roles are read from rolesClaim; otherwise only these grant roles. */
  readonly roleMappings: readonly RoleMapping[] | null;
};

/** Built when the config is compiled; key resolvers come from the shared cache (kept across swaps). */
export function trustedIssuersOf(jwt: GatewayJwt): ReadonlyMap<string, TrustedIssuer> {
  const trusted = new Map<string, TrustedIssuer>();
  // A disabled issuer (realm) vouches for nothing, not even through its identity providers.
  if (jwt.issuerDisabled) return trusted;
  for (const p of jwt.identityProviders ?? []) {
    trusted.set(p.issuer, { issuer: p.issuer, audiences: p.audiences, keys: remoteJwksFor(p.jwksUri), roleMappings: p.roleMappings });
  }
  // The API's own issuer last, so a provider can never take its place.
  trusted.set(jwt.issuer, { issuer: jwt.issuer, audiences: jwt.audiences, keys: remoteJwksFor(jwt.jwksUri), roleMappings: null });
  return trusted;
}

/**
 * The trusted issuer the token claims to come from, read without verifying it (verification
 * follows, with that issuer's keys); undefined when it names none of them. Throws jose's
 * JWTInvalid for a token that is not a JWT at all.
 */
export function trustedIssuerFor(token: string, trusted: ReadonlyMap<string, TrustedIssuer>): TrustedIssuer | undefined {
  const { iss } = decodeJwt(token);
  return typeof iss === "string" ? trusted.get(iss) : undefined;
}

/** Strings, numbers and booleans compare by their text ("true" matches `email_verified: true`); objects never match. */
const matches = (claim: unknown, value: string) =>
  (typeof claim === "string" || typeof claim === "number" || typeof claim === "boolean") && String(claim) === value;

/** A mapping holds when the claim equals its value, or is an array containing it. */
export function mappedRolesOf(payload: JWTPayload, mappings: readonly RoleMapping[]): Set<string> {
  const roles = new Set<string>();
  for (const m of mappings) {
    const claim = claimAt(payload, m.claim);
    if (matches(claim, m.value) || (Array.isArray(claim) && claim.some((c) => matches(c, m.value)))) roles.add(m.role);
  }
  return roles;
}

/** requiredRoles (any one) as `trusted` grants them: its own issuer's roles claim, or a provider's mappings only. */
export function hasAnyRequiredRole(payload: JWTPayload, jwt: Pick<GatewayJwt, "requiredRoles" | "rolesClaim">, trusted: TrustedIssuer): boolean {
  if (trusted.roleMappings === null) return hasAnyRole(payload, jwt.requiredRoles, jwt.rolesClaim);
  if (jwt.requiredRoles.length === 0) return true;
  const granted = mappedRolesOf(payload, trusted.roleMappings);
  return jwt.requiredRoles.some((r) => granted.has(r));
}
