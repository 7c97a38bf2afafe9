// POST .../token/introspect (RFC 7662): a confidential client asks whether a token is active.
// Inactive, unknown, foreign and malformed tokens all answer {"active": false}, nothing more.
import { decodeJwt } from "jose";
import { authenticateClient } from "./authenticate-client";
import { OAuthError, oauthJson, readForm } from "./oauth-response";
import { enabledRealm } from "./realm-for-protocol";
import { describeRefreshToken } from "./refresh-tokens";
import { verifyAccessToken } from "./verify-access-token";

export async function handleIntrospection(realmName: string, request: Request): Promise<Response> {
  const realm = await enabledRealm(realmName);
  const form = await readForm(request);
  const client = await authenticateClient(realm, request, form);
  if (client.type !== "CONFIDENTIAL") throw new OAuthError("unauthorized_client", "Only confidential clients may introspect tokens");
  const token = form.get("token");
  if (!token) throw new OAuthError("invalid_request", "token is required");
  const hint = form.get("token_type_hint");

  if (hint !== "refresh_token" && token.split(".").length === 3) {
    const claims = await verifyAccessToken(realm, token);
    if (claims) {
      return oauthJson({
        active: true,
        token_type: "Bearer",
        ...claims,
        username: (decodeJwt(token).preferred_username as string | undefined) ?? undefined,
      });
    }
    return oauthJson({ active: false });
  }
  const refresh = await describeRefreshToken(realm, token);
  if (!refresh) return oauthJson({ active: false });
  return oauthJson({
    active: true,
    token_type: "refresh_token",
    client_id: refresh.family.client.clientId,
    sub: refresh.family.userId ?? undefined,
    scope: refresh.family.scope,
    exp: Math.floor(refresh.family.expiresAt.getTime() / 1000),
    iat: Math.floor(refresh.createdAt.getTime() / 1000),
  });
}
