// What the login form shows for next-auth's `error`. next-auth's client only passes on the
// `error` query parameter of the answer's url, so a refusal travels there as "<code>:<seconds>".
// No server imports: the login page (a client component) uses this.
export type LoginRefusalCode = "login_throttled" | "account_locked";

/** next-auth passes the message of an error `authorize` throws as `error`: a portal sign-up not approved yet. */
export const accountAwaitingApproval = "account_awaiting_approval";

export function encodeLoginRefusal(code: LoginRefusalCode, retryAfterSeconds: number): string {
  return `${code}:${retryAfterSeconds}`;
}

/** A right password with a second step due: "mfa_verify:<token>" or "mfa_enrol:<token>". */
export function encodeSecondStep(purpose: "verify" | "enrol", mfaToken: string): string {
  return `mfa_${purpose}:${mfaToken}`;
}

export function decodeSecondStep(error: string | null | undefined): { purpose: "verify" | "enrol"; mfaToken: string } | null {
  const match = /^mfa_(verify|enrol):(.+)$/.exec(error ?? "");
  return match ? { purpose: match[1] as "verify" | "enrol", mfaToken: match[2]! } : null;
}

function wait(seconds: number): string {
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

export function loginFailureMessage(error: string | null | undefined): string {
  const [code, seconds] = (error ?? "").split(":");
  const retryAfter = Math.max(1, Number(seconds) || 1);
  if (code === "login_throttled") return `Too many sign-in attempts; try again in ${wait(retryAfter)}.`;
  if (code === "account_locked") {
    return `This account is temporarily locked after repeated failed sign-ins; try again in ${wait(retryAfter)} or ask an administrator to unlock it.`;
  }
  if (code === accountAwaitingApproval) return "Your account is waiting for an administrator's approval; you can sign in once it is approved.";
  if (code === "login_unavailable") return "Sign-in is temporarily unavailable; try again shortly.";
  return "Invalid email or password";
}
