// An API's stored jwtRequirements as the gateways need them. The gateway contract names issuers
// by URL and JWKS URI only, so a realm binding is resolved here, when the snapshot is built: the
// realm's issuer and its JWKS (which publishes staged keys early), so key rotation needs no
// change to the API or the gateway; plus the realm's identity providers, each with its own
// issuer, JWKS, audience and role mappings (federation). While the realm is disabled the API's
// jwt trusts nothing (issuerDisabled): the gateway refuses every token, however valid, and
// updateRealm republishes the bound APIs when `enabled` changes.
import { readJwtRequirements } from "@/lib/apis/jwt-requirements-schema";
import type { DbTransaction } from "@/lib/db";
import { issuerOf, jwksUriOf, REALM_DEFAULT_AUDIENCE } from "./issuer-url";
import type { RoleMapping } from "./realm-identity-provider-schemas";

type FederatedIssuer = { issuer: string; jwksUri: string; audience: string | null; roleMappings: RoleMapping[] };
/** What the bound realms vouch for: the names of the enabled ones, and identity providers by realm name. */
export type RealmFederation = { readonly enabled: ReadonlySet<string>; readonly providers: ReadonlyMap<string, readonly FederatedIssuer[]> };

/** The enabled state and identity providers of the realms these APIs (their stored jwtRequirements) are bound to. */
export async function realmFederationOf(tx: Pick<DbTransaction, "realm" | "realmIdentityProvider">, apis: readonly { jwtRequirements: unknown }[]): Promise<RealmFederation> {
  const realmNames = [...new Set(apis.flatMap(({ jwtRequirements: j }) => (j && typeof j === "object" && "realm" in j ? [String(j.realm)] : [])))];
  if (realmNames.length === 0) return { enabled: new Set(), providers: new Map() };
  const [enabled, rows] = await Promise.all([
    tx.realm.findMany({ where: { name: { in: realmNames }, enabled: true }, select: { name: true } }),
    tx.realmIdentityProvider.findMany({
      where: { realm: { name: { in: realmNames } } },
      select: { issuer: true, jwksUri: true, audience: true, roleMappings: true, realm: { select: { name: true } } },
      orderBy: { alias: "asc" },
    }),
  ]);
  const byRealm = new Map<string, FederatedIssuer[]>();
  for (const { realm, ...p } of rows) {
    byRealm.set(realm.name, [...(byRealm.get(realm.name) ?? []), { ...p, roleMappings: p.roleMappings as RoleMapping[] }]);
  }
  return { enabled: new Set(enabled.map((r) => r.name)), providers: byRealm };
}

/** `federation` must cover the API's realm (realmFederationOf): a realm it does not list as enabled trusts nothing. */
export function gatewayJwtOf(stored: unknown, federation: RealmFederation) {
  const jwt = readJwtRequirements(stored);
  if (!jwt || !("realm" in jwt)) return jwt;
  const { realm, audiences = [REALM_DEFAULT_AUDIENCE], ...checks } = jwt;
  // Disabled (or gone): still a bearer-token API, so a call without a token stays refused, but no token passes.
  if (!federation.enabled.has(realm)) return { ...checks, issuer: issuerOf(realm), jwksUri: jwksUriOf(realm), audiences, issuerDisabled: true as const };
  const providers = federation.providers.get(realm) ?? [];
  return {
    ...checks,
    issuer: issuerOf(realm),
    jwksUri: jwksUriOf(realm),
    audiences,
    ...(providers.length > 0 && {
      // A provider without its own audience must address its tokens to what the API expects.
      identityProviders: providers.map((p) => ({ issuer: p.issuer, jwksUri: p.jwksUri, audiences: p.audience ? [p.audience] : audiences, roleMappings: p.roleMappings })),
    }),
  };
}
