// Access and ID tokens: JWTs signed with the realm's active key (jose). Access tokens follow
// RFC 9068 (typ at+jwt, client_id) and carry Keycloak's role claims, so gateways configured for
// Keycloak read realm_access.roles and resource_access unchanged. Which claims beyond the protocol's
// own it carries is the client's client scopes' business (../realm-client-scope-grant.ts).
import { createHash, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { db } from "@/lib/db";
import { issuerOf, REALM_DEFAULT_AUDIENCE } from "../issuer-url";
import { activeSigningKey } from "../signing-keys";
import { mappedClaims, scopeGrant } from "../realm-client-scope-grant";
import type { AuthenticatedClient } from "./authenticate-client";
import type { ProtocolRealm } from "./realm-for-protocol";

export type TokenSubject =
  | { kind: "service-account" }
  /** sessionId: the refresh family (login) the token belongs to, sent as `sid` so revoking the login reaches the gateways. */
  | { kind: "user"; userId: string; authTime?: number; sessionId?: string };

type Roles = { realmRoles: string[]; resourceAccess: Record<string, { roles: string[] }>; username?: string; email?: string | null };

async function rolesOf(client: AuthenticatedClient, subject: TokenSubject): Promise<Roles> {
  if (subject.kind === "service-account") {
    return { realmRoles: client.serviceRoles.map((r) => r.name).sort(), resourceAccess: {}, username: `service-account-${client.clientId}` };
  }
  const user = await db().realmUser.findUniqueOrThrow({
    where: { id: subject.userId },
    select: {
      username: true,
      email: true,
      roles: { select: { name: true } },
      groups: { select: { roles: { select: { name: true } } } },
      clientRoles: { select: { name: true, client: { select: { clientId: true } } } },
    },
  });
  const realmRoles = new Set([...user.roles.map((r) => r.name), ...user.groups.flatMap((g) => g.roles.map((r) => r.name))]);
  const resourceAccess: Record<string, { roles: string[] }> = {};
  for (const role of user.clientRoles) (resourceAccess[role.client.clientId] ??= { roles: [] }).roles.push(role.name);
  return { realmRoles: [...realmRoles].sort(), resourceAccess, username: user.username, email: user.email };
}

export function subjectOf(client: AuthenticatedClient, subject: TokenSubject): string {
  // Keycloak gives service accounts a user of their own; the client's id stands in for it.
  return subject.kind === "user" ? subject.userId : client.id;
}

export function accessTokenLifetime(realm: ProtocolRealm, client: AuthenticatedClient): number {
  return client.accessTokenLifetimeSeconds ?? realm.accessTokenLifetimeSeconds;
}

/** `scope`: the granted names (stored with the code or refresh family); answers the token's own `scope`. */
export async function issueAccessToken(realm: ProtocolRealm, client: AuthenticatedClient, subject: TokenSubject, scope: string) {
  const { kid, alg, key } = await activeSigningKey(realm.id);
  const roles = await rolesOf(client, subject);
  const grant = await scopeGrant(client, scope);
  const facts = { id: subjectOf(client, subject), username: roles.username ?? "", email: roles.email ?? null, realmRoles: roles.realmRoles, resourceAccess: roles.resourceAccess };
  const mapped = mappedClaims(grant.mappers, facts);
  const expiresIn = accessTokenLifetime(realm, client);
  const token = await new SignJWT({
    ...mapped.claims,
    typ: "Bearer",
    azp: client.clientId,
    client_id: client.clientId,
    scope: grant.tokenScope,
    ...(subject.kind === "user" && subject.sessionId ? { sid: subject.sessionId } : {}),
  })
    .setProtectedHeader({ alg, kid, typ: "at+jwt" })
    .setIssuer(issuerOf(realm.name))
    .setSubject(subjectOf(client, subject))
    .setAudience([...new Set([...client.audiences, ...mapped.audiences, REALM_DEFAULT_AUDIENCE])])
    .setIssuedAt()
    .setExpirationTime(`${expiresIn}s`)
    .setJti(randomUUID())
    .sign(key);
  return { token, expiresIn, kid, scope: grant.tokenScope };
}

/** OIDC Core 3.1.3.6: the left half of the access token's SHA-256, base64url. */
function atHash(accessToken: string): string {
  const digest = createHash("sha256").update(accessToken).digest();
  return digest.subarray(0, digest.length / 2).toString("base64url");
}

export async function issueIdToken(
  realm: ProtocolRealm,
  client: AuthenticatedClient,
  subject: Extract<TokenSubject, { kind: "user" }>,
  options: { nonce?: string | null; accessToken: string },
) {
  const { kid, alg, key } = await activeSigningKey(realm.id);
  const roles = await rolesOf(client, subject);
  return new SignJWT({
    azp: client.clientId,
    at_hash: atHash(options.accessToken),
    preferred_username: roles.username,
    ...(options.nonce ? { nonce: options.nonce } : {}),
    ...(subject.authTime ? { auth_time: subject.authTime } : {}),
  })
    .setProtectedHeader({ alg, kid, typ: "JWT" })
    .setIssuer(issuerOf(realm.name))
    .setSubject(subject.userId)
    .setAudience(client.clientId)
    .setIssuedAt()
    .setExpirationTime(`${accessTokenLifetime(realm, client)}s`)
    .sign(key);
}
