// Checks an access token of this realm as a resource server would, plus what only the issuer
// knows: its jti was not revoked, and its client and user are still enabled.
import { createLocalJWKSet, jwtVerify, type JWTPayload } from "jose";
import { db } from "@/lib/db";
import { issuerOf } from "../issuer-url";
import { publishedJwks } from "../signing-keys";
import type { ProtocolRealm } from "./realm-for-protocol";

export type AccessTokenClaims = JWTPayload & { azp?: string; scope?: string; client_id?: string };

export async function verifyAccessToken(realm: ProtocolRealm, token: string): Promise<AccessTokenClaims | null> {
  let payload: AccessTokenClaims;
  try {
    ({ payload } = await jwtVerify<AccessTokenClaims>(token, createLocalJWKSet(await publishedJwks(realm.id)), {
      issuer: issuerOf(realm.name),
      algorithms: ["RS256", "ES256"],
      typ: "at+jwt",
      requiredClaims: ["exp", "jti", "sub", "azp"],
    }));
  } catch {
    return null;
  }
  const [revoked, client] = await Promise.all([
    db().realmRevokedToken.findUnique({ where: { jti: payload.jti! } }),
    db().realmClient.findUnique({ where: { realmId_clientId: { realmId: realm.id, clientId: payload.azp! } }, select: { id: true, enabled: true } }),
  ]);
  if (revoked || !client?.enabled) return null;
  if (payload.sub !== client.id) {
    const user = await db().realmUser.findFirst({ where: { id: payload.sub, realmId: realm.id }, select: { enabled: true } });
    if (!user?.enabled) return null;
  }
  return payload;
}
