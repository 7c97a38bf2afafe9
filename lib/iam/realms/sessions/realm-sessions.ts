// A realm's active sessions, and ending them. A session is a refresh family (one sign-in);
// revoking it stops its refresh token at once (invalid_grant) and, through the config
// channel's `session` denials (gateway-denials.ts), makes every gateway refuse the access
// tokens that carry its id as `sid` until the last of them would have expired anyway.
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { cursorPage } from "@/lib/http/cursor-page";
import { notFound } from "@/lib/http/errors";
import { endAccountSessions } from "../account/account-session";
import { getRealmOrThrow } from "../get-realm-or-throw";
import { publishRealmRevocation } from "../publish-revocation";
import type { ListRealmSessionsQuery, RealmSessionResource } from "./realm-session-schemas";

/** Active: a user's sign-in, not revoked, refresh token not yet expired. Service accounts never have one. */
const active = (now: Date): Prisma.RealmRefreshFamilyWhereInput => ({ revokedAt: null, expiresAt: { gt: now }, userId: { not: null } });

const sessionInclude = {
  user: { select: { username: true } },
  client: { select: { clientId: true } },
  // Every refresh adds a token to the family: the newest one is the last use.
  tokens: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
} as const;

type SessionRow = Prisma.RealmRefreshFamilyGetPayload<{ include: typeof sessionInclude }>;

function toSession(row: SessionRow): RealmSessionResource {
  return {
    id: row.id,
    userId: row.userId!,
    username: row.user?.username ?? "",
    clientId: row.client.clientId,
    scope: row.scope,
    startedAt: row.createdAt.toISOString(),
    lastUsedAt: (row.tokens[0]?.createdAt ?? row.createdAt).toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** Newest sign-in first, in pages (lib/http/cursor-page.ts), optionally one user's or one client's. */
export async function listRealmSessions(realmName: string, query: ListRealmSessionsQuery) {
  const realm = await getRealmOrThrow(realmName);
  const page = cursorPage<Prisma.RealmRefreshFamilyWhereInput, Prisma.RealmRefreshFamilyOrderByWithRelationInput>(query, [
    { field: "createdAt", direction: "desc", type: "date" },
  ]);
  const filters: Prisma.RealmRefreshFamilyWhereInput[] = [
    ...(query.userId ? [{ userId: query.userId }] : []),
    ...(query.username ? [{ user: { username: query.username.toLowerCase() } }] : []),
    ...(query.clientId ? [{ client: { clientId: query.clientId } }] : []),
  ];
  const rows = await db().realmRefreshFamily.findMany({
    where: { AND: [{ realmId: realm.id }, active(new Date()), ...filters, page.where] },
    include: sessionInclude,
    orderBy: page.orderBy,
    take: page.take,
  });
  return page.answer(rows, toSession);
}

/** Ends one active session of the realm; 404 when it is unknown, someone else's realm's, or already over. */
export async function revokeRealmSession(realmName: string, sessionId: string, actor: Actor): Promise<void> {
  const realmId = await db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(realmName, tx);
    const now = new Date();
    const row = await tx.realmRefreshFamily.findFirst({ where: { id: sessionId, realmId: realm.id, ...active(now) }, include: sessionInclude });
    if (!row) throw notFound("Session", sessionId);
    // Conditional, so a refresh racing the revocation cannot resurrect it and two revocations audit once.
    const ended = await tx.realmRefreshFamily.updateMany({ where: { id: row.id, revokedAt: null }, data: { revokedAt: now } });
    if (ended.count !== 1) throw notFound("Session", sessionId);
    await recordAuditEvent(tx, actor, { action: "realm.session_revoked", entityType: "realm_session", entityId: row.id, before: { realm: realm.name, ...toSession(row) } });
    return realm.id;
  });
  await publishRealmRevocation(`realm ${realmName} session ${sessionId} revoked`, realmId);
}

/** "Sign out everywhere": every active session of one user ends, their account page's sign-in too. */
export async function logoutRealmUser(realmName: string, userId: string, actor: Actor) {
  const { realmId, revokedSessions } = await db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(realmName, tx);
    const user = await tx.realmUser.findFirst({ where: { id: userId, realmId: realm.id }, select: { id: true, username: true } });
    if (!user) throw notFound("Realm user", userId);
    const now = new Date();
    const ended = await tx.realmRefreshFamily.updateMany({ where: { ...active(now), userId: user.id, realmId: realm.id }, data: { revokedAt: now } });
    await recordAuditEvent(tx, actor, {
      action: "realm.user_logged_out",
      entityType: "realm_user",
      entityId: user.id,
      after: { realm: realm.name, username: user.username, revokedSessions: ended.count },
    });
    return { realmId: realm.id, revokedSessions: ended.count };
  });
  await endAccountSessions(userId);
  if (revokedSessions > 0) await publishRealmRevocation(`realm ${realmName} user ${userId} signed out everywhere`, realmId);
  return { revokedSessions };
}
