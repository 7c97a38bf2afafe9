// The credentials check behind next-auth's `authorize`. Every path (unknown email, disabled user,
// wrong or right password) pays one scrypt verification and fails with the same generic answer;
// only a lock is told, and Redis tells it for unknown emails too, so it reveals no account.
import { z } from "zod";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/iam/password";
import { roleToApi } from "@/lib/iam/roles";
import { dummyPasswordHash } from "./dummy-password-hash";
import { currentLoginAttempt } from "./login-attempt-context";
import { recordFailedLogin } from "./record-failed-login";
import { recordSuccessfulLogin } from "./record-successful-login";

export const loginCredentialsSchema = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  password: z.string().min(1),
});

export async function authenticateCredentials(raw: unknown) {
  const parsed = loginCredentialsSchema.safeParse(raw);
  const attempt = currentLoginAttempt();
  // Passwords are only checked for an attempt the route has counted: nothing bypasses the limits.
  if (!parsed.success || !attempt || attempt.email !== parsed.data.email) return null;

  const user = await db().user.findUnique({ where: { email: parsed.data.email }, omit: { passwordHash: false } });
  const matches = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user) return null;

  // Locked on the row while Redis let the attempt through (e.g. Redis restarted empty).
  const lockedMs = (user.lockedUntil?.getTime() ?? 0) - Date.now();
  if (lockedMs > 0) {
    attempt.refusal = { code: "account_locked", retryAfterSeconds: Math.ceil(lockedMs / 1000) };
    return null;
  }
  if (!matches || user.disabled) {
    await recordFailedLogin(user.id, attempt.clientAddress);
    return null;
  }
  await recordSuccessfulLogin(user, attempt);
  return { id: user.id, email: user.email, name: user.name, role: roleToApi(user.role) };
}
