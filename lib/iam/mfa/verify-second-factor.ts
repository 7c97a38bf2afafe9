// The second step of a sign-in, whichever factor the user offers: a TOTP code, a recovery code
// (typed in the same field), or a passkey assertion. Answers how it passed, or null.
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { consumeRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes";
import { verifyTotpCode } from "./totp";
import { verifyPasskeyAssertion } from "./webauthn";
import type { MfaOwner } from "./mfa-owner";

export type SecondFactorInput = { code?: string; passkey?: AuthenticationResponseJSON };
export type SecondFactorMethod = "totp" | "recovery_code" | "passkey";

export async function verifySecondFactor(owner: MfaOwner, input: SecondFactorInput): Promise<SecondFactorMethod | null> {
  if (input.passkey) return (await verifyPasskeyAssertion(owner, input.passkey)) ? "passkey" : null;
  const code = input.code?.trim() ?? "";
  if (looksLikeRecoveryCode(code)) return (await consumeRecoveryCode(owner, code)) ? "recovery_code" : null;
  return (await verifyTotpCode(owner, code.replace(/\s+/g, ""))) ? "totp" : null;
}
