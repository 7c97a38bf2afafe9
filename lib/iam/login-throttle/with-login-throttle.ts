// Wraps next-auth's POST: a credentials sign-in is counted (reserveLoginAttempt) before next-auth
// runs, and a refused one answers a real 429 with Retry-After instead of next-auth's 401. The
// body keeps a `url` because next-auth's `signIn()` reads its `error` parameter from there.
import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { errorBody } from "@/lib/http/errors";
import { errorCodeStatus } from "@/lib/http/error-codes";
import { logger } from "@/lib/logger";
import { loginCredentialsSchema } from "./authenticate-credentials";
import { clientAddressFrom, parseTrustedProxies } from "./client-address";
import { runLoginAttempt, type LoginAttempt } from "./login-attempt-context";
import { encodeLoginRefusal, encodeSecondStep, loginFailureMessage, type LoginRefusalCode } from "./login-refusal";
import { reserveLoginAttempt } from "./reserve-login-attempt";

type RouteContext = { params: Promise<{ nextauth?: string[] }> };
type AuthHandler = (request: Request, context: RouteContext) => Promise<Response>;

let trusted: { source: string; ranges: ReturnType<typeof parseTrustedProxies> } | undefined;
function trustedProxies() {
  const source = env().TRUSTED_PROXIES;
  if (trusted?.source !== source) trusted = { source, ranges: parseTrustedProxies(source) };
  return trusted.ranges;
}

/** The email the form sent, as `authorize` will see it (next-auth accepts form and JSON bodies). */
async function submittedEmail(request: Request): Promise<string | undefined> {
  const copy = request.clone();
  const type = copy.headers.get("content-type") ?? "";
  const fields: unknown = type.includes("application/json")
    ? await copy.json().catch(() => undefined)
    : Object.fromEntries(new URLSearchParams(await copy.text()));
  const email = loginCredentialsSchema.shape.email.safeParse((fields as { email?: unknown } | undefined)?.email);
  return email.success ? email.data : undefined;
}

function refusalResponse(code: LoginRefusalCode | "login_unavailable", retryAfterSeconds: number) {
  const url = new URL("/api/auth/error", env().NEXTAUTH_URL);
  url.searchParams.set("error", code === "login_unavailable" ? code : encodeLoginRefusal(code, retryAfterSeconds));
  const message = loginFailureMessage(url.searchParams.get("error"));
  return NextResponse.json(
    { ...errorBody(code, message, { retryAfterSeconds }), url: url.toString() },
    { status: errorCodeStatus[code], headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}

/** A right password, no session yet: the pending-MFA token travels in `error` too (next-auth's client reads only that). */
function secondStepResponse(step: NonNullable<LoginAttempt["secondStep"]>) {
  const code = step.purpose === "verify" ? "mfa_required" : "mfa_enrolment_required";
  const url = new URL("/api/auth/error", env().NEXTAUTH_URL);
  url.searchParams.set("error", encodeSecondStep(step.purpose, step.mfaToken));
  const message = step.purpose === "verify" ? "Enter a code from your authenticator app or use a passkey" : "Set up a second factor to continue";
  return NextResponse.json(
    { ...errorBody(code, message), mfaToken: step.mfaToken, url: url.toString() },
    { status: errorCodeStatus[code], headers: { "Cache-Control": "no-store" } },
  );
}

export function withLoginThrottle(handler: AuthHandler): AuthHandler {
  return async (request, context) => {
    // next-auth reads only the first two segments: /callback/credentials/anything is the same call.
    const [action, provider] = (await context.params)?.nextauth ?? [];
    if (request.method !== "POST" || action !== "callback" || provider !== "credentials") return handler(request, context);
    // Without a valid email `authorize` refuses before any password check: nothing to count.
    const email = await submittedEmail(request);
    if (!email) return handler(request, context);

    const clientAddress = clientAddressFrom(request.headers, trustedProxies());
    const reservation = await reserveLoginAttempt(email, clientAddress).catch((err: unknown) => {
      // Fail closed: without the shared counters, guessing would be unlimited.
      logger().error({ err }, "login throttle unavailable");
      return undefined;
    });
    if (!reservation) return refusalResponse("login_unavailable", 5);
    if (!reservation.allowed) return refusalResponse(reservation.code, reservation.retryAfterSeconds);

    const attempt: LoginAttempt = { email, clientAddress, keys: reservation.keys };
    const response = await runLoginAttempt(attempt, () => handler(request, context));
    if (attempt.refusal) return refusalResponse(attempt.refusal.code, attempt.refusal.retryAfterSeconds);
    return attempt.secondStep ? secondStepResponse(attempt.secondStep) : response;
  };
}
