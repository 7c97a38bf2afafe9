// "Sign in with <realm>": OpenID Connect authorization code + PKCE (openid-client) against the
// issuer of the realm named in portal.realm. The flow's secrets (PKCE verifier, nonce) wait in
// Redis under the state, which the browser also holds in a cookie (so a callback from another
// browser fails: no login CSRF). The realm user's email finds or creates the developer account.
import * as oidc from "openid-client";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { redis } from "@/lib/redis";
import { issuerOf } from "@/lib/iam/realms/issuer-url";
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";
import { db } from "@/lib/db";
import { ensurePortalRealmClient, PORTAL_SIGN_IN_SCOPE, portalRedirectUri } from "./portal-realm-client";

export const REALM_STATE_COOKIE = "portcullis-realm-sign-in";
const FLOW_TTL_SECONDS = 600;

type PendingFlow = { realm: string; verifier: string; nonce: string; callbackUrl: string };

const flowKey = (state: string) => `${env().CONFIG_CHANNEL_PREFIX}:portal-realm-sign-in:${state}`;

/** The realm the portal offers sign-in through, with its display name; null when none is set (or it is gone or disabled). */
export async function portalSignInRealm(): Promise<{ name: string; displayName: string } | null> {
  const { portal } = await getWorkspaceSettings();
  if (!portal.realm) return null;
  const realm = await db().realm.findUnique({ where: { name: portal.realm }, select: { name: true, displayName: true, enabled: true } });
  return realm?.enabled ? { name: realm.name, displayName: realm.displayName || realm.name } : null;
}

async function configFor(realm: string, clientId: string): Promise<oidc.Configuration> {
  const issuer = new URL(issuerOf(realm));
  // The issuer is this console (NEXTAUTH_URL): plain http only where the console itself is served so.
  return oidc.discovery(issuer, clientId, undefined, oidc.None(), issuer.protocol === "http:" ? { execute: [oidc.allowInsecureRequests] } : undefined);
}

/** Answers the realm's authorization URL and the state to keep in the browser's cookie. */
export async function startRealmSignIn(callbackUrl: string): Promise<{ url: URL; state: string }> {
  const realm = await portalSignInRealm();
  if (!realm) throw new ApiError("not_found", "The portal offers no realm sign-in");
  const clientId = await ensurePortalRealmClient(realm.name);
  const config = await configFor(realm.name, clientId);
  const flow: PendingFlow = { realm: realm.name, verifier: oidc.randomPKCECodeVerifier(), nonce: oidc.randomNonce(), callbackUrl };
  const state = oidc.randomState();
  await redis().set(flowKey(state), JSON.stringify(flow), "EX", FLOW_TTL_SECONDS);
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: portalRedirectUri(),
    scope: PORTAL_SIGN_IN_SCOPE,
    state,
    nonce: flow.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
  });
  return { url, state };
}

export type RealmIdentity = { realm: string; subject: string; email: string; name: string; emailVerified: boolean | undefined; callbackUrl: string };

/** Redeems the code at the realm's token endpoint and reads who signed in (userinfo: email, name). */
export async function completeRealmSignIn(currentUrl: URL, cookieState: string | undefined): Promise<RealmIdentity> {
  const state = currentUrl.searchParams.get("state");
  if (!state || state !== cookieState) throw new ApiError("bad_request", "This sign-in was started in another browser or has expired; start again");
  const stored = await redis().getdel(flowKey(state));
  if (!stored) throw new ApiError("bad_request", "This sign-in has expired; start again");
  const flow = JSON.parse(stored) as PendingFlow;
  const error = currentUrl.searchParams.get("error");
  if (error) throw new ApiError("bad_request", `The realm refused the sign-in: ${currentUrl.searchParams.get("error_description") ?? error}`);
  const clientId = await ensurePortalRealmClient(flow.realm);
  const config = await configFor(flow.realm, clientId);
  // openid-client compares the callback URL's origin and path with the redirect URI it was given.
  const callback = new URL(portalRedirectUri());
  callback.search = currentUrl.search;
  const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: flow.verifier, expectedState: state, expectedNonce: flow.nonce, idTokenExpected: true });
  const subject = tokens.claims()!.sub;
  const info = await oidc.fetchUserInfo(config, tokens.access_token, subject);
  if (typeof info.email !== "string" || !info.email) throw new ApiError("bad_request", "Your realm account has no email address: ask an administrator to add one");
  return {
    realm: flow.realm,
    subject,
    email: info.email.toLowerCase(),
    name: (typeof info.name === "string" && info.name) || (typeof info.preferred_username === "string" && info.preferred_username) || info.email,
    emailVerified: typeof info.email_verified === "boolean" ? info.email_verified : undefined,
    callbackUrl: flow.callbackUrl,
  };
}
