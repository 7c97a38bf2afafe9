// The identity provider a broker URL names, when realm users may sign in through it.
import { db } from "@/lib/db";
import { renderErrorPage } from "../oidc/login-page";
import type { ProtocolRealm } from "../oidc/realm-for-protocol";
import { canSignIn, type SignInProvider } from "./provider-client";

/** The provider, or the page to show instead: unknown and sign-in-disabled providers look the same. */
export async function findSignInProvider(realm: ProtocolRealm, alias: string): Promise<SignInProvider | Response> {
  const provider = await db().realmIdentityProvider.findUnique({ where: { realmId_alias: { realmId: realm.id, alias } } });
  if (!provider || !canSignIn(provider)) {
    return renderErrorPage("Unknown identity provider", "This realm offers no sign-in through that identity provider.", 404);
  }
  return provider;
}
