// A realm user's linked identities, for administrators: list, and unlink (that identity then
// signs in as whatever the provider's first-login policy makes of it; the user's tokens stay
// valid, as after any other account change short of disabling). Unlinking is audited.
import type { RealmUserIdentityLink } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type DbTransaction } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import type { Actor } from "@/lib/iam/actor";
import { getRealmOrThrow } from "../get-realm-or-throw";
import type { IdentityLinkResource } from "./identity-link-schemas";

const toResource = (link: RealmUserIdentityLink & { provider: { alias: string } }): IdentityLinkResource => ({
  alias: link.provider.alias,
  subject: link.subject,
  email: link.email,
  createdAt: link.createdAt.toISOString(),
  lastSignInAt: link.lastSignInAt.toISOString(),
});

async function realmUserOrThrow(tx: Pick<DbTransaction, "realm" | "realmUser">, realmName: string, userId: string) {
  const realm = await getRealmOrThrow(realmName, tx);
  const user = await tx.realmUser.findFirst({ where: { id: userId, realmId: realm.id }, select: { id: true, username: true } });
  if (!user) throw notFound("Realm user", userId);
  return { realm, user };
}

export async function listIdentityLinks(realmName: string, userId: string) {
  const { user } = await realmUserOrThrow(db(), realmName, userId);
  const links = await db().realmUserIdentityLink.findMany({ where: { realmUserId: user.id }, include: { provider: { select: { alias: true } } }, orderBy: { provider: { alias: "asc" } } });
  return { items: links.map(toResource) };
}

export async function unlinkIdentity(realmName: string, userId: string, alias: string, actor: Actor) {
  return db().$transaction(async (tx) => {
    const { realm, user } = await realmUserOrThrow(tx, realmName, userId);
    const link = await tx.realmUserIdentityLink.findFirst({ where: { realmUserId: user.id, provider: { alias, realmId: realm.id } }, include: { provider: { select: { alias: true } } } });
    if (!link) throw notFound("Identity link", alias);
    await tx.realmUserIdentityLink.delete({ where: { id: link.id } });
    const before = toResource(link);
    await recordAuditEvent(tx, actor, { action: "realm_user.identity_unlinked", entityType: "realm_user", entityId: user.id, before: { realm: realm.name, username: user.username, ...before } });
    return before;
  });
}
