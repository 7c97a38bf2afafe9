// The realm as a relying party of one of its identity providers, through openid-client (a
// certified relying party): discovery, the authorization URL, and the code exchange with its
// checks (state, nonce, PKCE, iss, aud, expiry, and the ID token's signature against the
// provider's JWKS). Plain http is possible only for issuers on this machine (the schema allows no
// other), and every call to the provider is bounded in time.
import * as oidc from "openid-client";
import type { RealmIdentityProvider } from "@/generated/prisma/client";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { PROVIDER_FETCH_LIMITS } from "../identity-provider-discovery";

export type SignInProvider = RealmIdentityProvider & { brokerClientId: string; brokerClientSecretCiphertext: string };

export const canSignIn = (p: RealmIdentityProvider): p is SignInProvider =>
  p.signInEnabled && p.brokerClientId !== null && p.brokerClientSecretCiphertext !== null;

export async function providerConfiguration(provider: SignInProvider): Promise<oidc.Configuration> {
  const local = new URL(provider.issuer).protocol === "http:";
  const config = await oidc.discovery(
    new URL(provider.issuer),
    provider.brokerClientId,
    undefined,
    oidc.ClientSecretBasic(decryptSecret(provider.brokerClientSecretCiphertext)),
    { execute: local ? [oidc.allowInsecureRequests] : [], timeout: PROVIDER_FETCH_LIMITS.timeoutMs / 1000 },
  );
  // Verify the ID token's signature too, not only trust the TLS channel it came over.
  oidc.enableNonRepudiationChecks(config);
  return config;
}

/** Why talking to the provider failed, in words for the person signing in (details go to the log). */
export function providerFailure(err: unknown): string {
  if (err instanceof oidc.AuthorizationResponseError) return `The identity provider did not sign you in (${err.error}).`;
  if (err instanceof oidc.ResponseBodyError) return `The identity provider refused the sign-in (${err.error}).`;
  if (err instanceof oidc.ClientError) return "The identity provider's answer did not pass the checks.";
  return "The identity provider could not be reached. Please try again later.";
}
