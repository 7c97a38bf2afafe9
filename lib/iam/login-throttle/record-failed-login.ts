// A wrong password (or a disabled user's attempt) on a real account: counted on the user row, and
// after `lockoutFailures` in a row the account locks for `lockoutMs`, once, audited, so admins see it.
import { systemActor, type Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { loginPolicy, type LoginPolicy } from "./login-policy";

const bruteForceDetection: Actor = { ...systemActor, label: "brute force detection" };

export async function recordFailedLogin(userId: string, clientAddress: string, policy: LoginPolicy = loginPolicy) {
  const now = new Date();
  // One UPDATE, outside a transaction: parallel failures each see their own count, and the
  // common case costs one round trip (an unknown email pays none, so this keeps timings close).
  const user = await db().user.update({
    where: { id: userId },
    data: { failedLoginAttempts: { increment: 1 }, lastFailedLoginAt: now },
  });
  if (user.failedLoginAttempts < policy.lockoutFailures) return user;
  const lockedUntil = new Date(now.getTime() + policy.lockoutMs);
  return db().$transaction(async (tx) => {
    // Only the failure that starts a lock records it; one still running is left as it is.
    const locked = await tx.user.updateMany({
      where: { id: userId, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      data: { lockedUntil },
    });
    if (locked.count === 0) return user;
    await recordAuditEvent(tx, bruteForceDetection, {
      action: "user.locked_out",
      entityType: "user",
      entityId: userId,
      after: { email: user.email, failedLoginAttempts: user.failedLoginAttempts, lockedUntil, clientAddress },
    });
    return { ...user, lockedUntil };
  });
}
