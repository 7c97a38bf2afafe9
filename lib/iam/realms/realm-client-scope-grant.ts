// What a token request's `scope` grants (RFC 6749 3.3), and what the granted client scopes put in
// the access token. A request may name the client's plain scopes, its default and optional client
// scopes, and (in OpenID Connect flows) `openid`; anything else is invalid_scope. Default client
// scopes apply to every token, optional ones only when named. The stored grant (authorization
// code, refresh family) is the list of names; the token's `scope` leaves out client scopes that
// are not included in token scope, so `roles` and `basic` add claims without changing `scope`.
import { db } from "@/lib/db";
import { OAuthError } from "./oidc/oauth-response";
import { RESERVED_CLAIMS, type ProtocolMapper } from "./realm-client-scope-schemas";
import { storedMappers } from "./realm-client-scopes";

type GrantClient = { id: string; scopes: string[] };
type Linked = { name: string; kind: "DEFAULT" | "OPTIONAL"; includeInTokenScope: boolean; mappers: ProtocolMapper[] };

async function linkedScopes(clientDbId: string): Promise<Linked[]> {
  const links = await db().realmClientScopeLink.findMany({ where: { clientId: clientDbId }, include: { scope: true }, orderBy: { scope: { name: "asc" } } });
  return links.map((l) => ({ name: l.scope.name, kind: l.kind, includeInTokenScope: l.scope.includeInTokenScope, mappers: storedMappers(l.scope.mappers) }));
}

const tokens = (scope: string | null) => [...new Set((scope ?? "").split(" ").filter(Boolean))];

/**
 * The names a request is granted, to store with the code or refresh family; throws invalid_scope
 * for a name the client may not have. Nothing asked: the client's plain scopes, as before client
 * scopes existed (its default client scopes apply regardless).
 */
export async function requestedScope(client: GrantClient, requested: string | null, options: { oidc: boolean }): Promise<string> {
  const asked = tokens(requested);
  if (asked.length === 0) return client.scopes.join(" ");
  const linked = await linkedScopes(client.id);
  const permitted = new Set([...client.scopes, ...linked.map((l) => l.name), ...(options.oidc ? ["openid"] : [])]);
  const refused = asked.filter((s) => !permitted.has(s));
  if (refused.length) throw new OAuthError("invalid_scope", `Scope not allowed for this client: ${refused.join(" ").slice(0, 200)}`);
  return asked.join(" ");
}

/** What the stored names grant now: the token's `scope` and the client scopes whose mappers run. */
export async function scopeGrant(client: GrantClient, names: string) {
  const linked = await linkedScopes(client.id);
  const named = tokens(names);
  // Optional scopes unassigned since the login are dropped on refresh, never kept by accident.
  const applied = [...linked.filter((l) => l.kind === "DEFAULT"), ...linked.filter((l) => l.kind === "OPTIONAL" && named.includes(l.name))];
  const inScope = (name: string) => name === "openid" || client.scopes.includes(name) || applied.some((l) => l.name === name && l.includeInTokenScope);
  const tokenScope = [...new Set([...named.filter(inScope), ...applied.filter((l) => l.includeInTokenScope).map((l) => l.name)])].join(" ");
  return { tokenScope, mappers: applied.flatMap((l) => l.mappers) };
}

/** What a mapper may read about the token's subject. */
export type SubjectFacts = { id: string; username: string; email: string | null; realmRoles: string[]; resourceAccess: Record<string, { roles: string[] }> };

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    node = node[part] = next && typeof next === "object" && !Array.isArray(next) ? (next as Record<string, unknown>) : {};
  }
  node[parts.at(-1)!] = value;
}

/** The claims and extra audiences the mappers produce, in scope-name then mapper order (later wins). */
export function mappedClaims(mappers: ProtocolMapper[], facts: SubjectFacts) {
  const claims: Record<string, unknown> = {};
  const audiences: string[] = [];
  for (const m of mappers) {
    if (m.type === "audience") {
      audiences.push(m.audience);
      continue;
    }
    // The schema refuses these; a row edited by hand must still not forge who issued the token.
    if (RESERVED_CLAIMS.includes(m.claim.split(".")[0])) continue;
    if (m.type === "hardcoded-claim") setPath(claims, m.claim, m.value);
    else if (m.type === "realm-roles") setPath(claims, m.claim, facts.realmRoles);
    else if (m.type === "client-roles") setPath(claims, m.claim, facts.resourceAccess);
    else {
      const value = facts[m.attribute];
      if (value !== null && value !== "") setPath(claims, m.claim, value);
    }
  }
  return { claims, audiences };
}
