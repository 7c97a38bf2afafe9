// What the console's sign-in page needs between the password and the second factor, on the
// strength of the pending-MFA token alone (no session yet): passkey options (to verify with,
// or to enrol a first passkey), or a TOTP enrolment when policy requires a factor and none exists.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import type { MfaOwner } from "./mfa-owner";
import { hasConfirmedFactor } from "./mfa-status";
import { readPendingMfaToken } from "./pending-mfa-token";
import { startTotpEnrolment } from "./totp";
import { passkeyAuthenticationOptions, passkeyRegistrationOptions } from "./webauthn";

async function pendingUser(mfaToken: string) {
  const pending = await readPendingMfaToken(mfaToken, "console");
  const user = pending?.owner.kind === "user" ? await db().user.findUnique({ where: { id: pending.owner.userId } }) : null;
  if (!pending || !user || user.disabled) throw new ApiError("unauthorized", "This sign-in has expired; sign in again");
  return { pending, user, owner: pending.owner as MfaOwner };
}

export async function totpEnrolmentForSignIn(mfaToken: string) {
  const { pending, user, owner } = await pendingUser(mfaToken);
  if (pending.purpose !== "enrol" || (await hasConfirmedFactor(owner))) throw new ApiError("forbidden", "A factor is already enrolled");
  return startTotpEnrolment(owner, { issuer: "Portcullis", label: user.email });
}

export async function passkeyOptionsForSignIn(mfaToken: string) {
  const { pending, user, owner } = await pendingUser(mfaToken);
  if (pending.purpose === "verify") return passkeyAuthenticationOptions(owner);
  if (await hasConfirmedFactor(owner)) throw new ApiError("forbidden", "A factor is already enrolled");
  return passkeyRegistrationOptions(owner, { name: user.email, displayName: user.name });
}
