// POST /realms/{realm}/protocol/openid-connect/token (RFC 6749 3.2): client_credentials,
// authorization_code (with PKCE) and refresh_token (rotated on every use).
import { db } from "@/lib/db";
import { authenticateClient, type AuthenticatedClient } from "./authenticate-client";
import { linkCodeToFamily, redeemAuthorizationCode } from "./authorization-codes";
import { issueAccessToken, issueIdToken } from "./issue-tokens";
import { OAuthError, oauthJson, readForm } from "./oauth-response";
import { enabledRealm, type ProtocolRealm } from "./realm-for-protocol";
import { rotateRefreshToken, startRefreshFamily } from "./refresh-tokens";
import { narrowedScope } from "./scopes";
import { requestedScope } from "../realm-client-scope-grant";

export const supportedGrantTypes = ["authorization_code", "client_credentials", "refresh_token"] as const;

export async function handleTokenRequest(realmName: string, request: Request): Promise<Response> {
  const realm = await enabledRealm(realmName);
  const form = await readForm(request);
  const client = await authenticateClient(realm, request, form);
  switch (form.get("grant_type")) {
    case "client_credentials":
      return clientCredentials(realm, client, form);
    case "authorization_code":
      return authorizationCode(realm, client, form);
    case "refresh_token":
      return refreshToken(realm, client, form);
    case null:
      throw new OAuthError("invalid_request", "grant_type is required");
    default:
      throw new OAuthError("unsupported_grant_type", `Supported: ${supportedGrantTypes.join(", ")}`);
  }
}

async function clientCredentials(realm: ProtocolRealm, client: AuthenticatedClient, form: URLSearchParams) {
  if (client.type !== "CONFIDENTIAL") throw new OAuthError("unauthorized_client", "Public clients may not use client_credentials");
  const scope = await requestedScope(client, form.get("scope"), { oidc: false });
  const access = await issueAccessToken(realm, client, { kind: "service-account" }, scope);
  // No refresh token: the client can always authenticate again (RFC 6749 4.4.3).
  return oauthJson({ access_token: access.token, token_type: "Bearer", expires_in: access.expiresIn, scope: access.scope });
}

async function authorizationCode(realm: ProtocolRealm, client: AuthenticatedClient, form: URLSearchParams) {
  const code = await redeemAuthorizationCode(client, {
    code: form.get("code"),
    redirectUri: form.get("redirect_uri"),
    codeVerifier: form.get("code_verifier"),
  });
  // The login's refresh family first: its access tokens carry it as `sid`.
  const refresh = await db().$transaction((tx) => startRefreshFamily(tx, realm, client, code.userId, code.scope));
  await linkCodeToFamily(form.get("code")!, refresh.familyId);
  const subject = { kind: "user" as const, userId: code.userId, authTime: Math.floor(code.createdAt.getTime() / 1000), sessionId: refresh.familyId };
  const access = await issueAccessToken(realm, client, subject, code.scope);
  const idToken = code.scope.split(" ").includes("openid")
    ? await issueIdToken(realm, client, subject, { nonce: code.nonce, accessToken: access.token })
    : undefined;
  return oauthJson({
    access_token: access.token,
    token_type: "Bearer",
    expires_in: access.expiresIn,
    refresh_token: refresh.token,
    refresh_expires_in: refresh.expiresIn,
    scope: access.scope,
    ...(idToken ? { id_token: idToken } : {}),
  });
}

async function refreshToken(realm: ProtocolRealm, client: AuthenticatedClient, form: URLSearchParams) {
  const presented = form.get("refresh_token");
  if (!presented) throw new OAuthError("invalid_request", "refresh_token is required");
  const rotated = await rotateRefreshToken(realm, client, presented);
  const scope = narrowedScope(form.get("scope"), rotated.scope);
  const subject = { kind: "user" as const, userId: rotated.userId!, sessionId: rotated.familyId };
  const access = await issueAccessToken(realm, client, subject, scope);
  const idToken = scope.split(" ").includes("openid") ? await issueIdToken(realm, client, subject, { accessToken: access.token }) : undefined;
  return oauthJson({
    access_token: access.token,
    token_type: "Bearer",
    expires_in: access.expiresIn,
    refresh_token: rotated.token,
    refresh_expires_in: rotated.expiresIn,
    scope: access.scope,
    ...(idToken ? { id_token: idToken } : {}),
  });
}
