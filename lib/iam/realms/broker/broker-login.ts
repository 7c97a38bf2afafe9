// GET /realms/{realm}/broker/{alias}/login: the "Sign in with …" link of the realm's login page.
// The realm's authorization request it carries is checked exactly as /auth checks it (client,
// redirect URI, PKCE, scope) before anything else, then the browser goes to the provider with an
// authorization code request of the realm's own: PKCE S256, a fresh state and nonce, all three
// remembered in the sealed broker cookie for the callback (broker-callback.ts).
import * as oidc from "openid-client";
import { logger } from "@/lib/logger";
import { renderErrorPage } from "../oidc/login-page";
import { validateAuthorizationRequest } from "../oidc/authorization-endpoint";
import type { ProtocolRealm } from "../oidc/realm-for-protocol";
import { brokerRedirectUri } from "./broker-settings";
import { brokerStateCookie } from "./broker-state-cookie";
import { findSignInProvider } from "./find-sign-in-provider";
import { providerConfiguration, providerFailure } from "./provider-client";

export async function handleBrokerLogin(realm: ProtocolRealm, alias: string, url: URL): Promise<Response> {
  const valid = await validateAuthorizationRequest(realm, url.searchParams);
  if (valid instanceof Response) return valid;
  const provider = await findSignInProvider(realm, alias);
  if (provider instanceof Response) return provider;

  let config: oidc.Configuration;
  try {
    config = await providerConfiguration(provider);
  } catch (err) {
    logger().warn({ realm: realm.name, alias, err: err instanceof Error ? err.message : err }, "identity provider discovery failed");
    return renderErrorPage("Sign-in unavailable", providerFailure(err), 502);
  }
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const target = oidc.buildAuthorizationUrl(config, {
    redirect_uri: brokerRedirectUri(realm.name, alias),
    scope: provider.brokerScopes.join(" "),
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
  return new Response(null, {
    status: 302,
    headers: {
      location: target.toString(),
      "cache-control": "no-store",
      "set-cookie": brokerStateCookie(realm.name, { realmId: realm.id, alias, state, nonce, codeVerifier, params: valid.params }),
    },
  });
}
