// The right password on an unlocked account: its counts start again, in Redis and on the user row.
import { db, type UserRow } from "@/lib/db";
import type { LoginAttempt } from "./login-attempt-context";
import { releaseLoginAttempt } from "./release-login-attempt";

export async function recordSuccessfulLogin(user: UserRow, attempt: LoginAttempt): Promise<void> {
  await releaseLoginAttempt(attempt.keys);
  if (user.failedLoginAttempts === 0 && user.lockedUntil === null) return;
  await db().user.update({ where: { id: user.id }, data: { failedLoginAttempts: 0, lockedUntil: null } });
}
