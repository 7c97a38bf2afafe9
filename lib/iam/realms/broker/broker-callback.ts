// GET /realms/{realm}/broker/{alias}/endpoint: where the identity provider sends the browser back
// (Keycloak's path). The sealed broker cookie must be there and be this realm's and provider's;
// openid-client exchanges the code and checks state, nonce, PKCE, iss, aud and the ID token's
// signature. Then the realm user is found, linked or created (brokered-user.ts) and the realm's
// own authorization request goes on as after a right password: the realm's MFA policy through the
// second step, then the realm's authorization code to the original client. Every failure is a
// page that says what happened; the cookie is spent either way.
import * as oidc from "openid-client";
import { logger } from "@/lib/logger";
import { issueAuthorizationCode, realmSecondFactorPage, validateAuthorizationRequest } from "../oidc/authorization-endpoint";
import { renderErrorPage } from "../oidc/login-page";
import type { ProtocolRealm } from "../oidc/realm-for-protocol";
import { realmStepAfterPassword } from "../oidc/realm-second-step";
import { brokeredUser, type BrokerClaims } from "./brokered-user";
import { brokerRedirectUri } from "./broker-settings";
import { clearedBrokerStateCookie, readBrokerState } from "./broker-state-cookie";
import { findSignInProvider } from "./find-sign-in-provider";
import { providerConfiguration, providerFailure } from "./provider-client";

async function answer(realm: ProtocolRealm, alias: string, request: Request): Promise<Response> {
  const saved = readBrokerState(request, realm, alias);
  if (!saved) return renderErrorPage("Sign-in expired", "This sign-in expired or was started in another browser. Please start again from the application.", 400);
  const valid = await validateAuthorizationRequest(realm, new URLSearchParams(saved.params));
  if (valid instanceof Response) return valid;
  const provider = await findSignInProvider(realm, alias);
  if (provider instanceof Response) return provider;
  // openid-client checks it too; checked first so a forged callback gets its own answer, and no call to the provider.
  if (new URL(request.url).searchParams.get("state") !== saved.state) {
    return renderErrorPage("Sign-in could not be verified", "The sign-in could not be verified (state mismatch). Please start again from the application.", 400);
  }

  // The URL the provider redirected to, as registered (not as a proxy in front of us may have rewritten it).
  const callback = new URL(brokerRedirectUri(realm.name, alias));
  callback.search = new URL(request.url).search;
  let claims: BrokerClaims;
  try {
    const config = await providerConfiguration(provider);
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: saved.codeVerifier,
      expectedState: saved.state,
      expectedNonce: saved.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims() as BrokerClaims;
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : undefined;
    logger().warn({ realm: realm.name, alias, err: err instanceof Error ? err.message : err, cause }, "identity provider sign-in failed");
    return renderErrorPage("Sign-in failed", providerFailure(err), err instanceof oidc.AuthorizationResponseError ? 401 : 502);
  }

  const outcome = await brokeredUser(realm, provider, claims);
  if ("refused" in outcome) return renderErrorPage(outcome.refused.title, outcome.refused.message, outcome.refused.status);
  const secondStep = await realmStepAfterPassword(realm, outcome.user, null);
  if (secondStep) return realmSecondFactorPage(realm, valid, secondStep);
  return issueAuthorizationCode(realm, valid, outcome.user.id);
}

export async function handleBrokerCallback(realm: ProtocolRealm, alias: string, request: Request): Promise<Response> {
  const response = await answer(realm, alias, request);
  response.headers.append("set-cookie", clearedBrokerStateCookie(realm.name, alias));
  return response;
}
