// The second factor at a realm's /auth (TOTP or a recovery code; see lib/iam/mfa/). After a right
// password the user gets the code form (or, when the realm's login policy requires MFA and they
// have none, the enrolment form) with a pending-MFA token bound to them and to this realm; the
// authorization code is made only once the code passes. Codes are throttled on the same
// counters as the password (per address and account), and a wrong one counts as a failure.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import type { loginThrottleKeys } from "@/lib/iam/login-throttle/login-policy";
import { releaseAddressReservation } from "@/lib/iam/login-throttle/release-address-reservation";
import { releaseLoginAttempt } from "@/lib/iam/login-throttle/release-login-attempt";
import { reserveLoginAttempt } from "@/lib/iam/login-throttle/reserve-login-attempt";
import { realmUserActor } from "@/lib/iam/mfa/mfa-actors";
import { realmOwner } from "@/lib/iam/mfa/mfa-owner";
import { hasConfirmedFactor, secondStepFor } from "@/lib/iam/mfa/mfa-status";
import { readPendingMfaToken, signPendingMfaToken, spendPendingMfaToken } from "@/lib/iam/mfa/pending-mfa-token";
import { confirmTotpCode, currentTotpEnrolment, pendingTotpFactorId, startTotpEnrolment } from "@/lib/iam/mfa/totp";
import { verifySecondFactor, type SecondFactorMethod } from "@/lib/iam/mfa/verify-second-factor";
import type { ProtocolRealm } from "./realm-for-protocol";

/** What the code form shows: the token to post back, and for an enrolment the QR code. */
export type RealmSecondStepView = { mfaToken: string; enrolment?: { secret: string; qrDataUrl: string }; error?: string; status?: number };
export type RealmSecondStepOutcome = { passed: true; userId: string } | { passed: false; view: RealmSecondStepView } | { passed: false; expired: true };

const audience = (realm: ProtocolRealm) => `realm:${realm.id}`;
const account = (realm: ProtocolRealm, username: string) => ({ issuer: realm.displayName, label: username });

/** After a right password: null when the sign-in may finish now, else the second step to show. */
export async function realmStepAfterPassword(
  realm: ProtocolRealm,
  user: { id: string; username: string },
  keys: ReturnType<typeof loginThrottleKeys>,
): Promise<RealmSecondStepView | null> {
  const owner = realmOwner(user.id);
  const step = await secondStepFor(owner, realm.mfaRequired);
  if (step === "none") return null;
  // The account keeps this attempt counted until the code passes (see release-address-reservation.ts).
  await releaseAddressReservation(keys);
  const mfaToken = await signPendingMfaToken(owner, audience(realm), step);
  if (step === "verify") return { mfaToken };
  const { secret, qrDataUrl } = await startTotpEnrolment(owner, account(realm, user.username));
  return { mfaToken, enrolment: { secret, qrDataUrl } };
}

export async function realmSecondStep(realm: ProtocolRealm, form: URLSearchParams, clientAddress: string): Promise<RealmSecondStepOutcome> {
  const mfaToken = form.get("mfa_token") ?? "";
  const pending = await readPendingMfaToken(mfaToken, audience(realm));
  if (!pending || pending.owner.kind !== "realm-user") return { passed: false, expired: true };
  const owner = pending.owner;
  const user = await db().realmUser.findFirst({ where: { id: owner.realmUserId, realmId: realm.id } });
  if (!user || !user.enabled) return { passed: false, expired: true };
  const enrolling = pending.purpose === "enrol";
  if (enrolling && (await hasConfirmedFactor(owner))) return { passed: false, expired: true };
  const again = async (error: string, status: number): Promise<RealmSecondStepOutcome> => {
    const enrolment = enrolling ? await currentTotpEnrolment(owner, account(realm, user.username)) : null;
    if (enrolling && !enrolment) return { passed: false, expired: true };
    return { passed: false, view: { mfaToken, error, status, ...(enrolment ? { enrolment } : {}) } };
  };

  const reservation = await reserveLoginAttempt(`realm:${realm.id}:${user.username}`, clientAddress).catch(() => undefined);
  if (!reservation) return again("Sign-in is unavailable right now. Please try again later.", 503);
  if (!reservation.allowed) return again(`Too many failed sign-ins. Try again in ${reservation.retryAfterSeconds} s.`, 429);

  const code = (form.get("otp") ?? "").trim();
  let method: SecondFactorMethod | null;
  if (enrolling) {
    const factorId = await pendingTotpFactorId(owner);
    method = factorId && (await confirmTotpCode(owner, factorId, code.replace(/\s+/g, ""))) ? "totp" : null;
  } else {
    method = await verifySecondFactor(owner, { code });
  }
  if (!method) return again("That code is not valid.", 401);
  if (!(await spendPendingMfaToken(pending))) return { passed: false, expired: true };
  await releaseLoginAttempt(reservation.keys);
  if (enrolling || method === "recovery_code") {
    await recordAuditEvent(db(), realmUserActor(realm.name, user), {
      action: enrolling ? "realm_user.mfa_enrolled" : "realm_user.recovery_code_used",
      entityType: "realm_user",
      entityId: user.id,
      after: { realm: realm.name, username: user.username, ...(enrolling ? { type: "totp" } : {}) },
    });
  }
  return { passed: true, userId: user.id };
}
