// The second factor at a realm's /auth (lib/iam/mfa/): after a right password the user gets a
// form offering every factor they have (a TOTP or recovery code, a passkey), or, when the realm's
// login policy requires MFA and they have none, the enrolment form (an authenticator app's QR
// code, or a passkey), with a pending-MFA token bound to them and to this realm; the
// authorization code is made only once a factor passes. Attempts are throttled on the same
// counters as the password (per address and account), and a wrong one counts as a failure.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import type { loginThrottleKeys } from "@/lib/iam/login-throttle/login-policy";
import { releaseAddressReservation } from "@/lib/iam/login-throttle/release-address-reservation";
import { releaseLoginAttempt } from "@/lib/iam/login-throttle/release-login-attempt";
import { reserveLoginAttempt } from "@/lib/iam/login-throttle/reserve-login-attempt";
import { realmUserActor } from "@/lib/iam/mfa/mfa-actors";
import { ownerWhere, realmOwner, type MfaOwner } from "@/lib/iam/mfa/mfa-owner";
import { hasConfirmedFactor, secondStepFor } from "@/lib/iam/mfa/mfa-status";
import { readPendingMfaToken, signPendingMfaToken, spendPendingMfaToken } from "@/lib/iam/mfa/pending-mfa-token";
import { remainingRecoveryCodes } from "@/lib/iam/mfa/recovery-codes";
import { confirmTotpCode, currentTotpEnrolment, pendingTotpFactorId, startTotpEnrolment } from "@/lib/iam/mfa/totp";
import { verifySecondFactor, type SecondFactorMethod } from "@/lib/iam/mfa/verify-second-factor";
import { passkeyAuthenticationOptions, passkeyRegistrationOptions, registerPasskey } from "@/lib/iam/mfa/webauthn";
import type { ProtocolRealm } from "./realm-for-protocol";

/** What the code field takes: "totp" (which also takes recovery codes when some are left) or recovery codes only. */
export type CodeOffer = "totp" | "recovery" | null;
/** What the second-step page shows: the token to post back, the factors on offer, and for an enrolment the QR code and passkey options. */
export type RealmSecondStepView = {
  mfaToken: string;
  offers?: { code: CodeOffer; passkey: object | null };
  enrolment?: { secret: string; qrDataUrl: string; passkey: object };
  error?: string;
  status?: number;
};
export type RealmSecondStepOutcome = { passed: true; userId: string } | { passed: false; view: RealmSecondStepView } | { passed: false; expired: true };

const audience = (realm: ProtocolRealm) => `realm:${realm.id}`;
const account = (realm: ProtocolRealm, username: string) => ({ issuer: realm.displayName, label: username });
const passkeyAccount = (realm: ProtocolRealm, username: string) => ({ name: username, displayName: username, rpName: realm.displayName });

/** Every factor the user has, each with what its form needs (a passkey: a fresh challenge). */
async function verifyOffers(owner: MfaOwner): Promise<NonNullable<RealmSecondStepView["offers"]>> {
  const kinds = await db().mfaFactor.groupBy({ by: ["type"], where: { ...ownerWhere(owner), confirmedAt: { not: null } } });
  const has = (type: "TOTP" | "WEBAUTHN") => kinds.some((k) => k.type === type);
  const code: CodeOffer = has("TOTP") ? "totp" : (await remainingRecoveryCodes(owner)) > 0 ? "recovery" : null;
  return { code, passkey: has("WEBAUTHN") ? await passkeyAuthenticationOptions(owner) : null };
}

/** After a right password (or an identity provider's sign-in, with no throttle keys): null when the sign-in may finish now, else the second step to show. */
export async function realmStepAfterPassword(
  realm: ProtocolRealm,
  user: { id: string; username: string },
  keys: ReturnType<typeof loginThrottleKeys> | null,
): Promise<RealmSecondStepView | null> {
  const owner = realmOwner(user.id);
  const step = await secondStepFor(owner, realm.mfaRequired);
  if (step === "none") return null;
  // The account keeps this attempt counted until the code passes (see release-address-reservation.ts).
  if (keys) await releaseAddressReservation(keys);
  const mfaToken = await signPendingMfaToken(owner, audience(realm), step);
  if (step === "verify") return { mfaToken, offers: await verifyOffers(owner) };
  const { secret, qrDataUrl } = await startTotpEnrolment(owner, account(realm, user.username));
  return { mfaToken, enrolment: { secret, qrDataUrl, passkey: await passkeyRegistrationOptions(owner, passkeyAccount(realm, user.username)) } };
}

function json<T>(text: string | null): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** A first factor at sign-in: the TOTP enrolment shown with the token confirmed by its first code, or a new passkey. */
async function enrolFirstFactor(owner: MfaOwner, form: URLSearchParams): Promise<SecondFactorMethod | null> {
  const registration = json<RegistrationResponseJSON>(form.get("passkey_registration"));
  if (registration) return (await registerPasskey(owner, registration, "Passkey")) ? "passkey" : null;
  const factorId = await pendingTotpFactorId(owner);
  const code = (form.get("otp") ?? "").replace(/\s+/g, "");
  return factorId && (await confirmTotpCode(owner, factorId, code)) ? "totp" : null;
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
    if (!enrolling) return { passed: false, view: { mfaToken, error, status, offers: await verifyOffers(owner) } };
    const totp = await currentTotpEnrolment(owner, account(realm, user.username));
    if (!totp) return { passed: false, expired: true };
    const passkey = await passkeyRegistrationOptions(owner, passkeyAccount(realm, user.username));
    return { passed: false, view: { mfaToken, error, status, enrolment: { secret: totp.secret, qrDataUrl: totp.qrDataUrl, passkey } } };
  };

  const reservation = await reserveLoginAttempt(`realm:${realm.id}:${user.username}`, clientAddress).catch(() => undefined);
  if (!reservation) return again("Sign-in is unavailable right now. Please try again later.", 503);
  if (!reservation.allowed) return again(`Too many failed sign-ins. Try again in ${reservation.retryAfterSeconds} s.`, 429);

  const method = enrolling
    ? await enrolFirstFactor(owner, form)
    : await verifySecondFactor(owner, { code: (form.get("otp") ?? "").trim(), passkey: json<AuthenticationResponseJSON>(form.get("passkey")) });
  if (!method) return again(form.get("passkey") || form.get("passkey_registration") ? "That passkey was not accepted." : "That code is not valid.", 401);
  if (!(await spendPendingMfaToken(pending))) return { passed: false, expired: true };
  await releaseLoginAttempt(reservation.keys);
  if (enrolling || method === "recovery_code") {
    await recordAuditEvent(db(), realmUserActor(realm.name, user), {
      action: enrolling ? "realm_user.mfa_enrolled" : "realm_user.recovery_code_used",
      entityType: "realm_user",
      entityId: user.id,
      after: { realm: realm.name, username: user.username, ...(enrolling ? { type: method, at: "sign-in" } : {}) },
    });
  }
  return { passed: true, userId: user.id };
}
