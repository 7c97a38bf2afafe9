// Who a verified token names, as access rules and identity forwarding read it: subject, client
// (azp, else client_id), roles and scopes (contract/access-rules.ts identityFromClaims, the same
// reading the console's rule tester uses). An identity provider's token grants only its mapped
// roles, as jwt-validation checks them.
import { identityFromClaims } from "../contract/access-rules.js";
import { DEFAULT_JWT_ROLES_CLAIM, type GatewayApi } from "../contract/config-snapshot.js";
import { mappedRolesOf } from "./trusted-issuers.js";

export type CallerIdentity = ReturnType<typeof identityFromClaims>;

/** Bound to one API's jwt settings when the config is compiled. */
export function callerIdentityReader(api: GatewayApi): (claims: Readonly<Record<string, unknown>>) => CallerIdentity {
  const rolesClaim = api.jwt?.rolesClaim ?? DEFAULT_JWT_ROLES_CLAIM;
  const providerMappings = new Map((api.jwt?.identityProviders ?? []).map((p) => [p.issuer, p.roleMappings]));
  return (claims) => {
    const mappings = typeof claims.iss === "string" ? providerMappings.get(claims.iss) : undefined;
    const identity = identityFromClaims(claims, rolesClaim);
    return mappings ? { ...identity, roles: [...mappedRolesOf(claims, mappings)] } : identity;
  };
}
