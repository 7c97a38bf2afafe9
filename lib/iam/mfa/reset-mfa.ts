// An admin's reset for someone who lost their device: every factor and recovery code goes, and
// the next sign-in is by password (enrolling again at once where policy requires MFA). Audited.
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type DbTransaction } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { getRealmOrThrow } from "@/lib/iam/realms/get-realm-or-throw";
import { consoleOwner, ownerWhere, realmOwner, type MfaOwner } from "./mfa-owner";

async function removeAll(tx: DbTransaction, owner: MfaOwner) {
  const factors = await tx.mfaFactor.deleteMany({ where: ownerWhere(owner) });
  const codes = await tx.mfaRecoveryCode.deleteMany({ where: ownerWhere(owner) });
  return { removedFactors: factors.count, removedRecoveryCodes: codes.count };
}

export async function resetUserMfa(userId: string, actor: Actor) {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound("User", userId);
    const result = await removeAll(tx, consoleOwner(user.id));
    await recordAuditEvent(tx, actor, { action: "mfa.reset", entityType: "user", entityId: user.id, after: { email: user.email, ...result } });
    return result;
  });
}

export async function resetRealmUserMfa(realmName: string, userId: string, actor: Actor) {
  return db().$transaction(async (tx) => {
    const realm = await getRealmOrThrow(realmName, tx);
    const user = await tx.realmUser.findFirst({ where: { id: userId, realmId: realm.id } });
    if (!user) throw notFound("Realm user", userId);
    const result = await removeAll(tx, realmOwner(user.id));
    await recordAuditEvent(tx, actor, {
      action: "realm_user.mfa_reset",
      entityType: "realm_user",
      entityId: user.id,
      after: { realm: realm.name, username: user.username, ...result },
    });
    return result;
  });
}
