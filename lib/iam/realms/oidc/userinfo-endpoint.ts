// GET/POST .../userinfo (OIDC Core 5.3): the signed-in user's claims, for a valid access token.
import { db } from "@/lib/db";
import { OAuthError, oauthJson } from "./oauth-response";
import { enabledRealm } from "./realm-for-protocol";
import { verifyAccessToken } from "./verify-access-token";

const bearerError = (error: string, description: string, status: number) =>
  new OAuthError(error, description, status, { "www-authenticate": `Bearer error="${error}"` });

export async function handleUserinfo(realmName: string, request: Request): Promise<Response> {
  const realm = await enabledRealm(realmName);
  const header = request.headers.get("authorization");
  if (!header || !/^bearer /i.test(header)) throw new OAuthError("invalid_request", "Send the access token as Authorization: Bearer", 401, { "www-authenticate": "Bearer" });
  const claims = await verifyAccessToken(realm, header.slice(7).trim());
  if (!claims) throw bearerError("invalid_token", "The access token is invalid, expired or revoked", 401);
  const scopes = (claims.scope ?? "").split(" ");
  if (!scopes.includes("openid")) throw bearerError("insufficient_scope", "userinfo needs a token with the openid scope", 403);
  const user = await db().realmUser.findFirst({ where: { id: claims.sub, realmId: realm.id } });
  if (!user) throw bearerError("invalid_token", "The token has no user behind it", 401);
  return oauthJson({
    sub: user.id,
    preferred_username: user.username,
    ...(scopes.includes("email") && user.email ? { email: user.email } : {}),
  });
}
