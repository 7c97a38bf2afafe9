// Renames a user, changes the role, disables or enables, resets the password or unlocks.
// The workspace must keep at least one active platform admin, or nobody could manage it.
import type { Actor } from "@/lib/iam/actor";
import { hashPassword } from "@/lib/iam/password";
import { roleFromApi } from "@/lib/iam/roles";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type DbTransaction } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { clearAccountThrottle } from "@/lib/iam/login-throttle/clear-account-throttle";
import { unlockUser } from "./unlock-user";
import { toUserResource, type UpdateUserInput } from "./user-schemas";

/** Serialises changes that could remove admins, so two admins can't demote each other at once. */
const ADMIN_GUARD_LOCK = "portcullis:last-platform-admin";

async function assertAnotherActiveAdmin(tx: DbTransaction, userId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${ADMIN_GUARD_LOCK}))`;
  const others = await tx.user.count({ where: { role: "PLATFORM_ADMIN", disabled: false, id: { not: userId } } });
  if (others === 0) {
    throw new ApiError("conflict", "This is the last active platform admin: make someone else a platform admin first");
  }
}

export async function updateUser(id: string, input: UpdateUserInput, actor: Actor) {
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  const { unlock, ...changes } = input;
  const result = await db().$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id } });
    if (!found) throw notFound("User", id);
    const current = unlock ? await unlockUser(tx, found, actor) : found;
    if (Object.values(changes).every((v) => v === undefined)) return toUserResource(current);
    const role = input.role === undefined ? current.role : roleFromApi(input.role);
    const disabled = input.disabled ?? current.disabled;
    const wasActiveAdmin = current.role === "PLATFORM_ADMIN" && !current.disabled;
    if (wasActiveAdmin && (role !== "PLATFORM_ADMIN" || disabled)) await assertAnotherActiveAdmin(tx, id);

    const updated = await tx.user.update({ where: { id }, data: { name: input.name, role, disabled, passwordHash, passwordChangedAt: passwordHash ? new Date() : undefined } });
    const after = toUserResource(updated);
    await recordAuditEvent(tx, actor, {
      action: "user.updated",
      entityType: "user",
      entityId: id,
      before: toUserResource(current),
      // The hash never goes to the audit log; that the password changed does.
      after: passwordHash ? { ...after, passwordChanged: true } : after,
    });
    return after;
  });
  // After the commit: the Redis wait would otherwise still refuse the next sign-in.
  if (unlock) await clearAccountThrottle(result.email);
  return result;
}
