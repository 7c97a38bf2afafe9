// Refresh tokens: opaque, random, stored as SHA-256, one family per login. Every use returns a
// new token and marks the old one used; a used token presented again means it was copied, so
// the whole family is revoked (RFC 9700 4.14.2), and the thief's and the owner's copies stop.
import { randomBytes } from "node:crypto";
import { sha256Hex } from "@/lib/crypto/secret-box";
import { db, type DbTransaction } from "@/lib/db";
import type { AuthenticatedClient } from "./authenticate-client";
import { OAuthError } from "./oauth-response";
import { publishRealmRevocation } from "../publish-revocation";
import type { ProtocolRealm } from "./realm-for-protocol";

const newToken = () => `pcr_${randomBytes(32).toString("base64url")}`;

export function refreshLifetime(realm: ProtocolRealm, client: AuthenticatedClient): number {
  return client.refreshTokenLifetimeSeconds ?? realm.refreshTokenLifetimeSeconds;
}

export async function startRefreshFamily(
  tx: DbTransaction,
  realm: ProtocolRealm,
  client: AuthenticatedClient,
  userId: string,
  scope: string,
) {
  const lifetime = refreshLifetime(realm, client);
  const token = newToken();
  const family = await tx.realmRefreshFamily.create({
    data: {
      realmId: realm.id,
      clientId: client.id,
      userId,
      scope,
      expiresAt: new Date(Date.now() + lifetime * 1000),
      tokens: { create: { tokenHash: sha256Hex(token) } },
    },
  });
  return { token, familyId: family.id, expiresIn: lifetime };
}

const invalidGrant = (why: string) => new OAuthError("invalid_grant", why);

/** Exchanges a refresh token for its successor, or revokes its family when it was already used. */
export async function rotateRefreshToken(realm: ProtocolRealm, client: AuthenticatedClient, presented: string) {
  const hash = sha256Hex(presented);
  const outcome = await db().$transaction(async (tx) => {
    // Row lock: two concurrent uses of one token must not both succeed.
    const locked = await tx.$queryRaw<{ familyId: string; usedAt: Date | null }[]>`
      SELECT "familyId", "usedAt" FROM "RealmRefreshToken" WHERE "tokenHash" = ${hash} FOR UPDATE`;
    const row = locked[0];
    if (!row) return { error: "The refresh token is unknown" } as const;
    const family = await tx.realmRefreshFamily.findUniqueOrThrow({ where: { id: row.familyId }, include: { user: { select: { enabled: true } } } });
    if (family.realmId !== realm.id || family.clientId !== client.id) return { error: "The refresh token was not issued to this client" } as const;
    if (family.revokedAt) return { error: "The refresh token has been revoked" } as const;
    if (row.usedAt) {
      await tx.realmRefreshFamily.update({ where: { id: family.id }, data: { revokedAt: new Date() } });
      return { error: "The refresh token was already used; every token of its login is now revoked", reuse: true } as const;
    }
    if (family.expiresAt <= new Date()) return { error: "The refresh token has expired" } as const;
    if (family.user && !family.user.enabled) return { error: "The user is disabled" } as const;
    const token = newToken();
    await tx.realmRefreshToken.update({ where: { tokenHash: hash }, data: { usedAt: new Date() } });
    await tx.realmRefreshToken.create({ data: { tokenHash: sha256Hex(token), familyId: family.id } });
    return { token, family } as const;
  });
  if ("error" in outcome) {
    if (outcome.reuse) await publishRealmRevocation(`realm ${realm.name} refresh token reused: its login revoked`, realm.id);
    throw invalidGrant(outcome.error!);
  }
  return {
    token: outcome.token,
    familyId: outcome.family.id,
    userId: outcome.family.userId,
    scope: outcome.family.scope,
    expiresIn: Math.max(1, Math.floor((outcome.family.expiresAt.getTime() - Date.now()) / 1000)),
  };
}

/** RFC 7009 for a refresh token: its whole family ends. False when the token is not this client's. */
export async function revokeRefreshToken(realm: ProtocolRealm, client: AuthenticatedClient, presented: string): Promise<boolean> {
  const row = await db().realmRefreshToken.findUnique({ where: { tokenHash: sha256Hex(presented) }, include: { family: true } });
  if (!row || row.family.realmId !== realm.id || row.family.clientId !== client.id) return false;
  await db().realmRefreshFamily.update({ where: { id: row.familyId }, data: { revokedAt: row.family.revokedAt ?? new Date() } });
  return true;
}

/** RFC 7662 for a refresh token. */
export async function describeRefreshToken(realm: ProtocolRealm, presented: string) {
  const row = await db().realmRefreshToken.findUnique({ where: { tokenHash: sha256Hex(presented) }, include: { family: { include: { client: true } } } });
  const family = row?.family;
  if (!row || !family || family.realmId !== realm.id || row.usedAt || family.revokedAt || family.expiresAt <= new Date()) return null;
  return { family, createdAt: row.createdAt };
}
