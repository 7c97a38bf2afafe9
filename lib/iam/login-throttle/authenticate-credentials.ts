// The credentials check behind next-auth's `authorize`. Every path (unknown email, disabled user,
// wrong or right password) pays one scrypt verification and fails with the same generic answer;
// only a lock is told, and Redis tells it for unknown emails too, so it reveals no account.
// A user with a second factor (or whose role requires one) gets no session from the password
// alone: see console-second-step.ts.
import { z } from "zod";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/iam/password";
import { roleToApi } from "@/lib/iam/roles";
import { dummyPasswordHash } from "./dummy-password-hash";
import { currentLoginAttempt } from "./login-attempt-context";
import { recordFailedLogin } from "./record-failed-login";
import { recordSuccessfulLogin } from "./record-successful-login";
import { accountAwaitingApproval } from "./login-refusal";
import { afterRightPassword, completeSecondStep, secondStepFieldsSchema } from "../mfa/console-second-step";

export const loginCredentialsSchema = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  password: z.string().min(1),
});

/** Either the password (optionally with a code), or the pending-MFA token with a factor. */
const credentialsInputSchema = z.union([
  loginCredentialsSchema.extend({ code: z.string().max(64).optional() }),
  z.object({ email: loginCredentialsSchema.shape.email }).extend(secondStepFieldsSchema.shape),
]);

export async function authenticateCredentials(raw: unknown) {
  const parsed = credentialsInputSchema.safeParse(raw);
  const attempt = currentLoginAttempt();
  // Passwords are only checked for an attempt the route has counted: nothing bypasses the limits.
  if (!parsed.success || !attempt || attempt.email !== parsed.data.email) return null;
  if ("mfaToken" in parsed.data) return completeSecondStep(parsed.data, attempt);

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
  if (user.awaitingApproval) {
    // Told only to whoever knows the password: it reveals nothing to a guesser.
    await recordSuccessfulLogin(user, attempt);
    throw new Error(accountAwaitingApproval);
  }
  if (!(await afterRightPassword(user, attempt, parsed.data.code))) return null;
  await recordSuccessfulLogin(user, attempt);
  return { id: user.id, email: user.email, name: user.name, role: roleToApi(user.role) };
}
