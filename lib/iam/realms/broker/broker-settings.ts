// The sign-in half of an identity provider (identity brokering): its columns from the create and
// patch bodies, with the client secret sealed at rest (lib/crypto/secret-box.ts), and the rule
// that sign-in can be enabled only with a client to sign in with.
import type { RealmBrokerFirstLogin, RealmIdentityProvider } from "@/generated/prisma/client";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { ApiError } from "@/lib/http/errors";
import { issuerOf } from "../issuer-url";
import type { BrokerFirstLogin, CreateIdentityProviderInput, UpdateIdentityProviderInput } from "../realm-identity-provider-schemas";

type BrokerColumns = Partial<
  Pick<RealmIdentityProvider, "signInEnabled" | "displayName" | "brokerClientId" | "brokerClientSecretCiphertext" | "brokerScopes" | "brokerFirstLogin">
>;

const FIRST_LOGIN: Record<BrokerFirstLogin, RealmBrokerFirstLogin> = { create: "CREATE", link_by_email: "LINK_BY_EMAIL" };
export const firstLoginToApi = (v: RealmBrokerFirstLogin): BrokerFirstLogin => (v === "LINK_BY_EMAIL" ? "link_by_email" : "create");

/** Keycloak's path: what the provider redirects back to, and what to register there. */
export const brokerRedirectUri = (realmName: string, alias: string) => `${issuerOf(realmName)}/broker/${alias}/endpoint`;

/** Columns for the fields the body names; undefined leaves a column as it is, null clears it. */
export function brokerColumns(input: CreateIdentityProviderInput | UpdateIdentityProviderInput): BrokerColumns {
  const secret = input.clientSecret;
  return {
    signInEnabled: input.signInEnabled,
    displayName: input.displayName,
    brokerClientId: input.clientId,
    brokerClientSecretCiphertext: secret === undefined || secret === null ? secret : encryptSecret(secret),
    brokerScopes: input.scopes,
    brokerFirstLogin: input.firstLogin === undefined ? undefined : FIRST_LOGIN[input.firstLogin],
  };
}

/** After the change: sign-in on needs both halves of the client. */
export function checkBrokerSettings(after: Pick<RealmIdentityProvider, "signInEnabled" | "brokerClientId" | "brokerClientSecretCiphertext">) {
  if (after.signInEnabled && (!after.brokerClientId || !after.brokerClientSecretCiphertext)) {
    throw new ApiError("unprocessable", "signInEnabled needs clientId and clientSecret");
  }
}
