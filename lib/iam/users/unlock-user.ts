// PATCH /api/v1/users/{id} {"unlock": true} - an admin ends a temporary lockout (brute force
// detection) early and resets the failure count. Audited when there was anything to undo.
import type { Prisma, User } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

const lockoutFields = (user: User) => ({
  failedLoginAttempts: user.failedLoginAttempts,
  lastFailedLoginAt: user.lastFailedLoginAt,
  lockedUntil: user.lockedUntil,
});

/** In the caller's transaction; the caller then clears the account's Redis counters (clearAccountThrottle). */
export async function unlockUser(tx: Prisma.TransactionClient, current: User, actor: Actor): Promise<User> {
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
