// GET/POST /realms/{realm}/account: a realm user signs in (password, then their second factor,
// or enrolment where the realm requires one: realm-second-step.ts, the same step as /auth) and
// manages their own factors. Forms are protected like /auth's: a double-submit CSRF cookie
// (SameSite=Strict, this path only) and, when present, an Origin that is the console's.
// Password attempts share the sign-in throttle of the realm's /auth.
import { randomBytes } from "node:crypto";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { clientAddressFrom, parseTrustedProxies } from "@/lib/iam/login-throttle/client-address";
import { dummyPasswordHash } from "@/lib/iam/login-throttle/dummy-password-hash";
import { releaseLoginAttempt } from "@/lib/iam/login-throttle/release-login-attempt";
import { reserveLoginAttempt } from "@/lib/iam/login-throttle/reserve-login-attempt";
import { verifyPassword } from "@/lib/iam/password";
import { renderErrorPage, renderLoginPage } from "../oidc/login-page";
import type { ProtocolRealm } from "../oidc/realm-for-protocol";
import { realmSecondStep, realmStepAfterPassword, type RealmSecondStepView } from "../oidc/realm-second-step";
import { renderSecondFactorPage } from "../oidc/second-factor-page";
import * as factors from "./account-factors";
import { renderAccountOverview, renderRecoveryCodes, renderTotpEnrolment, type AccountPageFrame } from "./account-page";
import { accountPath, accountSessionCookie, accountSessionUserId, clearedAccountSessionCookie } from "./account-session";
import { csrfHolds } from "../oidc/form-cookies";

const CSRF_COOKIE = "portcullis_realm_account_csrf";
type Extra = { error?: string; notice?: string; status?: number; cookies?: string[] };

function frame(realm: ProtocolRealm, extra: Extra = {}): AccountPageFrame {
  const csrfToken = randomBytes(24).toString("base64url");
  const secure = env().NEXTAUTH_URL.startsWith("https://") ? "; Secure" : "";
  const csrfCookie = `${CSRF_COOKIE}=${csrfToken}; Path=${accountPath(realm)}; HttpOnly; SameSite=Strict; Max-Age=1800${secure}`;
  return { realmDisplayName: realm.displayName, action: accountPath(realm), csrfToken, ...extra, cookies: [csrfCookie, ...(extra.cookies ?? [])] };
}

function signInPage(realm: ProtocolRealm, extra: Extra & { username?: string } = {}): Response {
  const f = frame(realm, extra);
  const page = renderLoginPage({
    realmDisplayName: realm.displayName,
    clientId: "your account",
    action: f.action,
    hidden: { intent: "sign-in" },
    csrfToken: f.csrfToken,
    redirectOrigin: "",
    setCookie: f.cookies[0]!,
    ...(extra.username ? { username: extra.username } : {}),
    ...(extra.error ? { error: extra.error } : {}),
    ...(extra.status ? { status: extra.status } : {}),
  });
  for (const cookie of f.cookies.slice(1)) page.headers.append("set-cookie", cookie);
  return page;
}

function secondStepPage(realm: ProtocolRealm, view: RealmSecondStepView): Response {
  const f = frame(realm);
  return renderSecondFactorPage({ ...view, realmDisplayName: realm.displayName, action: f.action, hidden: { intent: "second-step" }, csrfToken: f.csrfToken, redirectOrigin: "", setCookie: f.cookies[0]! });
}

async function signedInUser(realm: ProtocolRealm, request: Request) {
  const userId = await accountSessionUserId(realm, request);
  const user = userId ? await db().realmUser.findFirst({ where: { id: userId, realmId: realm.id }, select: { id: true, username: true, enabled: true } }) : null;
  return user?.enabled ? user : null;
}

async function overviewPage(realm: ProtocolRealm, user: factors.AccountUser, extra: Extra = {}): Promise<Response> {
  const overview = await factors.accountOverview(realm, user);
  return renderAccountOverview(frame(realm, extra), { ...overview, username: user.username, required: realm.mfaRequired });
}

export async function handleAccountGet(realm: ProtocolRealm, request: Request): Promise<Response> {
  const user = await signedInUser(realm, request);
  return user ? overviewPage(realm, user) : signInPage(realm);
}


const signedIn = async (realm: ProtocolRealm, userId: string) =>
  new Response(null, { status: 303, headers: { location: accountPath(realm), "cache-control": "no-store", "set-cookie": await accountSessionCookie(realm, userId) } });

async function passwordStep(realm: ProtocolRealm, request: Request, form: URLSearchParams): Promise<Response> {
  const username = (form.get("username") ?? "").trim().toLowerCase();
  const address = clientAddressFrom(request.headers, parseTrustedProxies(env().TRUSTED_PROXIES));
  const reservation = await reserveLoginAttempt(`realm:${realm.id}:${username}`, address).catch(() => undefined);
  if (!reservation) return renderErrorPage("Sign-in unavailable", "Sign-in is unavailable right now. Please try again later.", 503);
  if (!reservation.allowed) return signInPage(realm, { error: `Too many failed sign-ins. Try again in ${reservation.retryAfterSeconds} s.`, username, status: 429 });
  const user = username
    ? await db().realmUser.findUnique({ where: { realmId_username: { realmId: realm.id, username } }, omit: { passwordHash: false } })
    : null;
  const passwordOk = await verifyPassword(form.get("password") ?? "", user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !user.enabled || !user.passwordHash || !passwordOk) return signInPage(realm, { error: "Invalid username or password.", username, status: 401 });
  const secondStep = await realmStepAfterPassword(realm, user, reservation.keys);
  if (secondStep) return secondStepPage(realm, secondStep);
  await releaseLoginAttempt(reservation.keys);
  return signedIn(realm, user.id);
}

function parsed<T>(text: string | null): T | null {
  try {
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

/** After a change: the recovery codes to keep (shown once), or the account again with what happened. */
async function afterChange(realm: ProtocolRealm, user: factors.AccountUser, change: factors.AccountChange, done: string): Promise<Response> {
  if ("refused" in change) return overviewPage(realm, user, { error: change.refused, status: 409 });
  if (change.recoveryCodes) return renderRecoveryCodes(frame(realm, { notice: done }), change.recoveryCodes);
  return overviewPage(realm, user, { notice: done });
}

export async function handleAccountPost(realm: ProtocolRealm, request: Request): Promise<Response> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return renderErrorPage("Bad request", "The form must be posted as a form.", 415);
  const form = new URLSearchParams(await request.text());
  if (!csrfHolds(request, form, CSRF_COOKIE)) return signInPage(realm, { error: "Your form expired or came from another site. Please sign in again.", status: 403 });
  const intent = form.get("intent");
  if (intent === "sign-in") return passwordStep(realm, request, form);
  if (intent === "second-step") {
    const outcome = await realmSecondStep(realm, form, clientAddressFrom(request.headers, parseTrustedProxies(env().TRUSTED_PROXIES)));
    if ("expired" in outcome) return signInPage(realm, { error: "Your sign-in expired. Please sign in again.", status: 401 });
    return outcome.passed ? signedIn(realm, outcome.userId) : secondStepPage(realm, outcome.view);
  }
  const user = await signedInUser(realm, request);
  if (!user) return signInPage(realm, { error: "Your session expired. Please sign in again.", status: 401 });
  switch (intent) {
    case "totp-start": {
      const enrolment = await factors.startAccountTotp(realm, user);
      return enrolment ? renderTotpEnrolment(frame(realm), enrolment) : overviewPage(realm, user, { error: "Remove a factor first.", status: 409 });
    }
    case "totp-confirm":
      return afterChange(realm, user, await factors.confirmAccountTotp(realm, user, form.get("factor_id") ?? "", form.get("otp") ?? ""), "Authenticator app added.");
    case "passkey-register": {
      const response = parsed<RegistrationResponseJSON>(form.get("passkey_registration"));
      if (!response) return overviewPage(realm, user, { error: "No passkey was created.", status: 400 });
      return afterChange(realm, user, await factors.registerAccountPasskey(realm, user, response), "Passkey added.");
    }
    case "recovery-codes":
      return afterChange(realm, user, await factors.regenerateAccountRecoveryCodes(realm, user), "New recovery codes: the old ones no longer work.");
    case "remove-factor":
      return afterChange(realm, user, await factors.removeAccountFactor(realm, user, form.get("factor_id") ?? ""), "Factor removed.");
    case "sign-out":
      return signInPage(realm, { cookies: [clearedAccountSessionCookie(realm)] });
    default:
      return overviewPage(realm, user, { error: "Unknown action.", status: 400 });
  }
}
