// A realm user signing in at the realm's login page like a browser, and the authorization
// code + PKCE flow around it driven by openid-client (a certified relying party).
import { expect } from "vitest";
import * as oidc from "openid-client";

/** Follows the authorization URL like a browser: GET the form, post it with the cookie it set. */
export async function signIn(url: URL, username: string, password: string) {
  const page = await fetch(url);
  expect(page.status).toBe(200);
  const html = await page.text();
  const cookie = page.headers.getSetCookie()[0]!.split(";")[0]!;
  const fields = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields.set(name!, value!.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
  }
  fields.set("username", username);
  fields.set("password", password);
  const action = new URL(/<form method="post" action="([^"]+)"/.exec(html)![1]!, url);
  return fetch(action, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: url.origin },
    body: fields,
  });
}

/** Authorization code + PKCE for a public client; answers the token endpoint's response. */
export async function authorizationCodeTokens(opts: { issuer: string; clientId: string; redirectUri: string; scope: string; username: string; password: string }) {
  const config = await oidc.discovery(new URL(opts.issuer), opts.clientId, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: opts.redirectUri,
    scope: opts.scope,
    state,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  });
  const answer = await signIn(url, opts.username, opts.password);
  expect(answer.status).toBe(303);
  return oidc.authorizationCodeGrant(config, new URL(answer.headers.get("location")!), { pkceCodeVerifier: verifier, expectedState: state });
}
