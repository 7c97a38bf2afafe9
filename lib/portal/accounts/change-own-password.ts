// A signed-in user changes their own password: the current one is checked (counted by the login
// throttle like a sign-in, so a stolen session cannot guess it), the same rules apply to the new
// one, and every session signed in before ends (passwordChangedAt, see find-session-user.ts).
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { hashPassword, verifyPassword } from "@/lib/iam/password";
import { releaseLoginAttempt } from "@/lib/iam/login-throttle/release-login-attempt";
import { reserveLoginAttempt } from "@/lib/iam/login-throttle/reserve-login-attempt";
import { toUserResource } from "@/lib/iam/users/user-schemas";
import type { ChangePasswordInput } from "./portal-account-schemas";

export function ownUserId(actor: Actor): string {
  if (!actor.userId) throw new ApiError("bad_request", "This API token acts for no user: there is no account of its own");
  return actor.userId;
}

export async function changeOwnPassword(input: ChangePasswordInput, actor: Actor, clientAddress: string): Promise<void> {
  const user = await db().user.findUniqueOrThrow({ where: { id: ownUserId(actor) }, omit: { passwordHash: false } });
  const reservation = await reserveLoginAttempt(user.email, clientAddress);
  if (!reservation.allowed) {
    throw new ApiError("rate_limited", `Too many wrong passwords; try again in ${reservation.retryAfterSeconds} s`, { retryAfterSeconds: reservation.retryAfterSeconds });
  }
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new ApiError("validation_failed", "currentPassword: this is not your current password", { issues: [{ path: "currentPassword", message: "This is not your current password" }] });
  }
  await releaseLoginAttempt(reservation.keys);
  if (input.newPassword === input.currentPassword) {
    throw new ApiError("validation_failed", "newPassword: choose a password different from the current one", { issues: [{ path: "newPassword", message: "Choose a password different from the current one" }] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db().$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } });
    await recordAuditEvent(tx, actor, {
      action: "user.password_changed",
      entityType: "user",
      entityId: user.id,
      // The hash never goes to the audit log; that the password changed does.
      after: { ...toUserResource(updated), passwordChanged: true },
    });
  });
}
