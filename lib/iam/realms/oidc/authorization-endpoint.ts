// GET/POST /realms/{realm}/protocol/openid-connect/auth (RFC 6749 4.1, OIDC Core 3.1.2): the
// authorization code flow with the realm's own sign-in form.
//  - The client and redirect URI are checked first and exactly; if either is wrong the user sees
//    an error page and is never redirected (no open redirector).
//  - PKCE: public clients must send an S256 challenge; "plain" is refused for everyone.
//  - CSRF: the form carries a random token that must equal a SameSite=Strict cookie set with it
//    (double submit), and a present Origin must be the console's, so no other site can post it.
//  - Unknown usernames, disabled users and wrong passwords cost one scrypt check and look the same;
//    attempts are throttled like console sign-ins (lib/iam/login-throttle).
//  - A user with a second factor (or in a realm whose login policy requires one) gets the code
//    form after the password, and the authorization code only once it passes (realm-second-step.ts).
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { verifyPassword } from "@/lib/iam/password";
import { clientAddressFrom, parseTrustedProxies } from "@/lib/iam/login-throttle/client-address";
import { dummyPasswordHash } from "@/lib/iam/login-throttle/dummy-password-hash";
import { releaseLoginAttempt } from "@/lib/iam/login-throttle/release-login-attempt";
import { reserveLoginAttempt } from "@/lib/iam/login-throttle/reserve-login-attempt";
import { issuerOf } from "../issuer-url";
import { createAuthorizationCode } from "./authorization-codes";
import { csrfHolds } from "./form-cookies";
import { renderErrorPage, renderLoginPage } from "./login-page";
import { OAuthError } from "./oauth-response";
import type { ProtocolRealm } from "./realm-for-protocol";
import { realmSecondStep, realmStepAfterPassword, type RealmSecondStepView } from "./realm-second-step";
import { renderSecondFactorPage } from "./second-factor-page";
import { requestedScope } from "../realm-client-scope-grant";
import { brokerLinks } from "../broker/broker-links";

const CSRF_COOKIE = "portcullis_realm_login";
const trustedProxies = () => parseTrustedProxies(env().TRUSTED_PROXIES);
const FORWARDED_PARAMS = ["response_type", "client_id", "redirect_uri", "scope", "state", "nonce", "code_challenge", "code_challenge_method"] as const;

export type ValidRequest = {
  client: { id: string; clientId: string };
  redirectUri: string;
  scope: string;
  state: string | null;
  nonce: string | null;
  codeChallenge: string | null;
  params: Record<string, string>;
};

function redirectWith(redirectUri: string, params: Record<string, string | null>, status = 302): Response {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
  return new Response(null, { status, headers: { location: url.toString(), "cache-control": "no-store" } });
}

/** Returns the valid request, or the answer to send instead (an error page or an error redirect). */
async function validate(realm: ProtocolRealm, input: URLSearchParams): Promise<ValidRequest | Response> {
  const clientId = input.get("client_id");
  const redirectUri = input.get("redirect_uri");
  const client = clientId
    ? await db().realmClient.findUnique({ where: { realmId_clientId: { realmId: realm.id, clientId } } })
    : null;
  if (!client || !client.enabled) return renderErrorPage("Unknown client", "The application that sent you here is not registered in this realm.", 400);
  if (!redirectUri || !client.redirectUris.includes(redirectUri)) {
    return renderErrorPage("Invalid redirect URI", "The application asked to return to an address it has not registered.", 400);
  }
  const state = input.get("state");
  const fail = (error: string, description: string) =>
    redirectWith(redirectUri, { error, error_description: description, state, iss: issuerOf(realm.name) });
  if (input.get("response_type") !== "code") return fail("unsupported_response_type", "Only response_type=code is supported");
  const challenge = input.get("code_challenge");
  const method = input.get("code_challenge_method");
  if (challenge !== null && (method !== "S256" || !/^[A-Za-z0-9_-]{43}$/.test(challenge))) {
    return fail("invalid_request", "code_challenge must be an S256 challenge (code_challenge_method=S256)");
  }
  if (challenge === null && client.type === "PUBLIC") return fail("invalid_request", "Public clients must use PKCE with S256");
  let scope: string;
  try {
    scope = await requestedScope(client, input.get("scope"), { oidc: true });
  } catch (err) {
    if (err instanceof OAuthError) return fail(err.error, err.description);
    throw err;
  }
  const params: Record<string, string> = {};
  for (const name of FORWARDED_PARAMS) {
    const value = input.get(name);
    if (value !== null) params[name] = value;
  }
  return { client, redirectUri, scope, state, nonce: input.get("nonce"), codeChallenge: challenge, params };
}

function csrfCookie(realm: ProtocolRealm, token: string): string {
  const secure = env().NEXTAUTH_URL.startsWith("https://") ? "; Secure" : "";
  return `${CSRF_COOKIE}=${token}; Path=/realms/${realm.name}/protocol/openid-connect/auth; HttpOnly; SameSite=Strict; Max-Age=1800${secure}`;
}

async function loginPage(realm: ProtocolRealm, request: ValidRequest, extra: { error?: string; username?: string; status?: number } = {}) {
  const csrfToken = randomBytes(24).toString("base64url");
  return renderLoginPage({
    providers: await brokerLinks(realm, request.params),
    realmDisplayName: realm.displayName,
    clientId: request.client.clientId,
    action: `/realms/${realm.name}/protocol/openid-connect/auth`,
    hidden: request.params,
    csrfToken,
    redirectOrigin: new URL(request.redirectUri).origin,
    setCookie: csrfCookie(realm, csrfToken),
    ...extra,
  });
}

function secondFactorPage(realm: ProtocolRealm, request: ValidRequest, view: RealmSecondStepView) {
  const csrfToken = randomBytes(24).toString("base64url");
  return renderSecondFactorPage({
    realmDisplayName: realm.displayName,
    action: `/realms/${realm.name}/protocol/openid-connect/auth`,
    hidden: request.params,
    csrfToken,
    redirectOrigin: new URL(request.redirectUri).origin,
    setCookie: csrfCookie(realm, csrfToken),
    ...view,
  });
}

async function issueCode(realm: ProtocolRealm, valid: ValidRequest, userId: string): Promise<Response> {
  const code = await createAuthorizationCode(realm, {
    clientId: valid.client.id,
    userId,
    redirectUri: valid.redirectUri,
    scope: valid.scope,
    nonce: valid.nonce,
    codeChallenge: valid.codeChallenge,
  });
  // 303: the browser follows with a GET, never re-posting the password to the client.
  return redirectWith(valid.redirectUri, { code, state: valid.state, iss: issuerOf(realm.name) }, 303);
}

export async function handleAuthorizationGet(realm: ProtocolRealm, url: URL): Promise<Response> {
  const valid = await validate(realm, url.searchParams);
  return valid instanceof Response ? valid : loginPage(realm, valid);
}



export async function handleAuthorizationPost(realm: ProtocolRealm, request: Request): Promise<Response> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return renderErrorPage("Bad request", "The sign-in form must be posted as a form.", 415);
  const form = new URLSearchParams(await request.text());
  const valid = await validate(realm, form);
  if (valid instanceof Response) return valid;
  if (!csrfHolds(request, form, CSRF_COOKIE)) {
    return loginPage(realm, valid, { error: "Your sign-in form expired or came from another site. Please sign in again.", status: 403 });
  }
  if (form.has("mfa_token")) {
    const outcome = await realmSecondStep(realm, form, clientAddressFrom(request.headers, trustedProxies()));
    if ("expired" in outcome) return loginPage(realm, valid, { error: "Your sign-in expired. Please sign in again.", status: 401 });
    return outcome.passed ? issueCode(realm, valid, outcome.userId) : secondFactorPage(realm, valid, outcome.view);
  }
  const username = (form.get("username") ?? "").trim().toLowerCase();
  const password = form.get("password") ?? "";
  // The console's sign-in throttle, counted before the password is checked: per client address
  // (shared with console sign-ins) and per realm account; Redis unreachable refuses (fail closed).
  const reservation = await reserveLoginAttempt(`realm:${realm.id}:${username}`, clientAddressFrom(request.headers, trustedProxies())).catch(
    () => undefined,
  );
  if (!reservation) return renderErrorPage("Sign-in unavailable", "Sign-in is unavailable right now. Please try again later.", 503);
  if (!reservation.allowed) {
    const wait = `Too many failed sign-ins. Try again in ${reservation.retryAfterSeconds} s.`;
    return loginPage(realm, valid, { error: wait, username, status: 429 });
  }
  const user = username
    ? await db().realmUser.findUnique({ where: { realmId_username: { realmId: realm.id, username } }, omit: { passwordHash: false } })
    : null;
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !user.enabled || !user.passwordHash || !passwordOk) {
    return loginPage(realm, valid, { error: "Invalid username or password.", username, status: 401 });
  }
  const secondStep = await realmStepAfterPassword(realm, user, reservation.keys);
  if (secondStep) return secondFactorPage(realm, valid, secondStep);
  await releaseLoginAttempt(reservation.keys);
  return issueCode(realm, valid, user.id);
}

// Identity brokering (../broker/) continues the same authorization request after the provider's callback.
export { validate as validateAuthorizationRequest, issueCode as issueAuthorizationCode, secondFactorPage as realmSecondFactorPage };
