// An admin ends a temporary lockout (brute-force detection) early and resets the failure count.
// Audited when there was anything to undo.
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { DbTransaction, UserRow } from "@/lib/db";

const lockoutFields = (user: UserRow) => ({
  failedLoginAttempts: user.failedLoginAttempts,
  lastFailedLoginAt: user.lastFailedLoginAt,
  lockedUntil: user.lockedUntil,
});

/** In the caller's transaction; the caller then clears the account's Redis counters (clearAccountThrottle). */
export async function unlockUser(tx: DbTransaction, current: UserRow, actor: Actor): Promise<UserRow> {
  if (current.failedLoginAttempts === 0 && current.lockedUntil === null) return current;
  const updated = await tx.user.update({ where: { id: current.id }, data: { failedLoginAttempts: 0, lockedUntil: null } });
  await recordAuditEvent(tx, actor, {
    action: "user.unlocked",
    entityType: "user",
    entityId: current.id,
    before: { email: current.email, ...lockoutFields(current) },
    after: { email: updated.email, ...lockoutFields(updated) },
  });
  return updated;
}
