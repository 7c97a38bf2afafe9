// The realm roles an identity provider's claims grant through its role mappings: the same rule
// the gateway applies to the provider's access tokens (gateway-worker/src/jwt/trusted-issuers.ts),
// so a person signing in through the provider holds what its tokens would.
import type { RoleMapping } from "../realm-identity-provider-schemas";

function claimAt(claims: Record<string, unknown>, path: string): unknown {
  let node: unknown = claims;
  for (const key of path.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const matches = (claim: unknown, value: string) =>
  (typeof claim === "string" || typeof claim === "number" || typeof claim === "boolean") && String(claim) === value;

/** A mapping holds when the claim equals its value, or is an array containing it. */
export function mappedRoles(claims: Record<string, unknown>, mappings: readonly RoleMapping[]): string[] {
  const roles = new Set<string>();
  for (const m of mappings) {
    const claim = claimAt(claims, m.claim);
    if (matches(claim, m.value) || (Array.isArray(claim) && claim.some((c) => matches(c, m.value)))) roles.add(m.role);
  }
  return [...roles].sort();
}
