// The console's second sign-in step, inside next-auth's `authorize` (so no session exists before
// it passes). After a right password: done (no factor, none required), a pending-MFA token to
// verify a factor with, or one to enrol a first factor with when the role requires MFA. The
// password may also come with a code in one call. Wrong factors count as failed sign-ins.
import { z } from "zod";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db, type UserRow } from "@/lib/db";
import { roleToApi } from "@/lib/iam/roles";
import type { LoginAttempt } from "../login-throttle/login-attempt-context";
import { recordFailedLogin } from "../login-throttle/record-failed-login";
import { recordSuccessfulLogin } from "../login-throttle/record-successful-login";
import { releaseAddressReservation } from "../login-throttle/release-address-reservation";
import { selfActor } from "./mfa-actors";
import { consoleOwner, type MfaOwner } from "./mfa-owner";
import { consoleRoleRequiresMfa, hasConfirmedFactor, secondStepFor } from "./mfa-status";
import { readPendingMfaToken, signPendingMfaToken, spendPendingMfaToken } from "./pending-mfa-token";
import { confirmTotpCode, pendingTotpFactorId } from "./totp";
import { verifySecondFactor, type SecondFactorMethod } from "./verify-second-factor";
import { registerPasskey } from "./webauthn";

/** The fields of the second step (next-auth posts them as form fields, so JSON travels as text). */
export const secondStepFieldsSchema = z.object({
  mfaToken: z.string().min(1).max(4000),
  code: z.string().max(64).optional(),
  /** A WebAuthn assertion (JSON), from @simplewebauthn/browser's startAuthentication. */
  passkey: z.string().max(32_000).optional(),
  /** A WebAuthn registration (JSON), when enrolling a first factor at sign-in. */
  passkeyRegistration: z.string().max(32_000).optional(),
});
type SecondStepFields = z.infer<typeof secondStepFieldsSchema>;

function json<T>(text: string | undefined): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** True when the sign-in may complete now; otherwise the attempt carries the pending step (or it failed). */
export async function afterRightPassword(user: UserRow, attempt: LoginAttempt, code: string | undefined): Promise<boolean> {
  const owner = consoleOwner(user.id);
  const step = await secondStepFor(owner, await consoleRoleRequiresMfa(roleToApi(user.role)));
  if (step === "none") return true;
  if (step === "verify" && code) {
    const method = await verifySecondFactor(owner, { code });
    if (method) {
      await auditUse(user, method);
      return true;
    }
    await recordFailedLogin(user.id, attempt.clientAddress);
    return false;
  }
  attempt.secondStep = { purpose: step, mfaToken: await signPendingMfaToken(owner, "console", step) };
  await releaseAddressReservation(attempt.keys);
  return false;
}

async function auditUse(user: UserRow, method: SecondFactorMethod) {
  if (method !== "recovery_code") return;
  await recordAuditEvent(db(), selfActor(user), { action: "mfa.recovery_code_used", entityType: "user", entityId: user.id });
}

/** A first factor at sign-in: confirms the TOTP enrolment started with this token, or stores a passkey. */
async function enrolFirstFactor(owner: MfaOwner, user: UserRow, fields: SecondStepFields): Promise<SecondFactorMethod | null> {
  // Enrolment at sign-in is for users who have none; adding a second one needs the first.
  if (await hasConfirmedFactor(owner)) return null;
  const registration = json<RegistrationResponseJSON>(fields.passkeyRegistration);
  let method: SecondFactorMethod | null = null;
  let factorId: string | null = null;
  if (registration) {
    factorId = await registerPasskey(owner, registration, "Passkey");
    method = factorId ? "passkey" : null;
  } else if (fields.code) {
    factorId = await pendingTotpFactorId(owner);
    method = factorId && (await confirmTotpCode(owner, factorId, fields.code.replace(/\s+/g, ""))) ? "totp" : null;
  }
  if (method) {
    await recordAuditEvent(db(), selfActor(user), {
      action: "mfa.enrolled",
      entityType: "user",
      entityId: user.id,
      after: { factorId, type: method, at: "sign-in" },
    });
  }
  return method;
}

export async function completeSecondStep(fields: SecondStepFields, attempt: LoginAttempt) {
  const pending = await readPendingMfaToken(fields.mfaToken, "console");
  if (!pending || pending.owner.kind !== "user") return null;
  const user = await db().user.findUnique({ where: { id: pending.owner.userId } });
  if (!user || user.disabled || user.email !== attempt.email) return null;
  const lockedMs = (user.lockedUntil?.getTime() ?? 0) - Date.now();
  if (lockedMs > 0) {
    attempt.refusal = { code: "account_locked", retryAfterSeconds: Math.ceil(lockedMs / 1000) };
    return null;
  }
  const method =
    pending.purpose === "enrol"
      ? await enrolFirstFactor(pending.owner, user, fields)
      : await verifySecondFactor(pending.owner, { code: fields.code, passkey: json<AuthenticationResponseJSON>(fields.passkey) });
  if (!method || !(await spendPendingMfaToken(pending))) {
    await recordFailedLogin(user.id, attempt.clientAddress);
    return null;
  }
  await auditUse(user, method);
  await recordSuccessfulLogin(user, attempt);
  return { id: user.id, email: user.email, name: user.name, role: roleToApi(user.role) };
}
