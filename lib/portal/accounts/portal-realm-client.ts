// The portal is a public OAuth client (authorization code + PKCE, no secret) of the realm named
// in portal.realm. It is registered automatically the first time someone signs in through the
// realm, and put right idempotently if an admin changed its redirect URI or scopes.
import { systemActor } from "@/lib/iam/actor";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { consoleOrigin } from "@/lib/iam/realms/issuer-url";
import { getRealmOrThrow } from "@/lib/iam/realms/get-realm-or-throw";
import { createClient, updateClient } from "@/lib/iam/realms/realm-clients";
import { createClientInputSchema } from "@/lib/iam/realms/realm-client-schemas";

export const PORTAL_CLIENT_ID = "portcullis-portal";
export const PORTAL_SIGN_IN_SCOPE = "openid profile email";

export const portalRedirectUri = () => `${consoleOrigin()}/login/realm/callback`;

/** Creates (or repairs) the portal's client in `realmName`; answers its client id. */
export async function ensurePortalRealmClient(realmName: string): Promise<string> {
  const realm = await getRealmOrThrow(realmName);
  const redirectUri = portalRedirectUri();
  const existing = await db().realmClient.findUnique({ where: { realmId_clientId: { realmId: realm.id, clientId: PORTAL_CLIENT_ID } } });
  if (!existing) {
    const input = createClientInputSchema.parse({ clientId: PORTAL_CLIENT_ID, type: "public", redirectUris: [redirectUri], optionalClientScopes: ["profile", "email"] });
    try {
      await createClient(realmName, input, systemActor);
    } catch (err) {
      // Two first sign-ins at once: the other one created it.
      if (!(await db().realmClient.findUnique({ where: { realmId_clientId: { realmId: realm.id, clientId: PORTAL_CLIENT_ID } } }))) throw err;
    }
    return PORTAL_CLIENT_ID;
  }
  // An admin who disabled it meant it: realm sign-in stays off until they enable it again.
  if (!existing.enabled) throw new ApiError("conflict", `The portal's client '${PORTAL_CLIENT_ID}' is disabled in realm '${realmName}'`);
  if (!existing.redirectUris.includes(redirectUri)) {
    await updateClient(realmName, PORTAL_CLIENT_ID, { redirectUris: [...existing.redirectUris, redirectUri] }, systemActor);
  }
  return PORTAL_CLIENT_ID;
}
