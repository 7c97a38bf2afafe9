// "Get a token" for one of the caller's apps: the realm's client_credentials grant, run by the
// token endpoint's own code (scope, roles, client scopes' claims, lifetime) for the app the
// caller owns; their session stands in for the secret, which is never read or answered again.
import type { Actor } from "@/lib/iam/actor";
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { clientAuthInclude } from "@/lib/iam/realms/oidc/authenticate-client";
import { issueAccessToken } from "@/lib/iam/realms/oidc/issue-tokens";
import { requestedScope } from "@/lib/iam/realms/realm-client-scope-grant";
import { getPortalRealmOrThrow, ownUserIdOf } from "./portal-realm";
import type { AppToken } from "./portal-app-schemas";

export async function issueMyAppToken(appId: string, actor: Actor): Promise<AppToken> {
  const ownerId = ownUserIdOf(actor);
  const { id: realmId } = await getPortalRealmOrThrow();
  const [realm, client] = await Promise.all([
    db().realm.findUniqueOrThrow({ where: { id: realmId } }),
    db().realmClient.findFirst({ where: { id: appId, ownerId, realmId }, include: clientAuthInclude, omit: { secretHash: false } }),
  ]);
  if (!client) throw notFound("App", appId);
  // What the token endpoint would refuse, said in the portal's words.
  if (!realm.enabled) throw new ApiError("conflict", `The portal's realm '${realm.name}' is disabled: it issues no tokens until an admin enables it`);
  if (!client.enabled) throw new ApiError("conflict", "An admin disabled this app: it gets no tokens until it is enabled again");
  if (client.type !== "CONFIDENTIAL") throw new ApiError("conflict", "This app is a public client: it cannot use client_credentials");
  const scope = await requestedScope(client, null, { oidc: false });
  const access = await issueAccessToken(realm, client, { kind: "service-account" }, scope);
  return {
    accessToken: access.token,
    tokenType: "Bearer",
    expiresIn: access.expiresIn,
    expiresAt: new Date(Date.now() + access.expiresIn * 1000).toISOString(),
    scope: access.scope,
    clientId: client.clientId,
  };
}
