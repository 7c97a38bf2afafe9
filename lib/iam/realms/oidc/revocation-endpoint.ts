// POST .../revoke (RFC 7009): a client revokes one of its own tokens. Refresh tokens end their
// whole family; access tokens have their jti listed until they expire. Unknown or foreign tokens
// answer 200 as well: the caller learns nothing about tokens that are not its own.
import { createLocalJWKSet, jwtVerify } from "jose";
import { db } from "@/lib/db";
import { issuerOf } from "../issuer-url";
import { publishedJwks } from "../signing-keys";
import { authenticateClient, type AuthenticatedClient } from "./authenticate-client";
import { OAuthError, readForm } from "./oauth-response";
import { enabledRealm, type ProtocolRealm } from "./realm-for-protocol";
import { revokeRefreshToken } from "./refresh-tokens";
import { publishRealmRevocation } from "../publish-revocation";

export async function handleRevocation(realmName: string, request: Request): Promise<Response> {
  const realm = await enabledRealm(realmName);
  const form = await readForm(request);
  const client = await authenticateClient(realm, request, form);
  const token = form.get("token");
  if (!token) throw new OAuthError("invalid_request", "token is required");
  const hint = form.get("token_type_hint");
  const done = hint === "access_token" ? await revokeAccessToken(realm, client, token) : await revokeRefreshToken(realm, client, token);
  const revoked = done || (hint !== "access_token" && (await revokeAccessToken(realm, client, token)));
  // The gateways refuse the token (or the login's access tokens) from the next config on.
  if (revoked) await publishRealmRevocation(`realm ${realm.name} token revoked`, realm.id);
  return new Response(null, { status: 200, headers: { "cache-control": "no-store" } });
}

async function revokeAccessToken(realm: ProtocolRealm, client: AuthenticatedClient, token: string): Promise<boolean> {
  if (token.split(".").length !== 3) return false;
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(await publishedJwks(realm.id)), {
      issuer: issuerOf(realm.name),
      algorithms: ["RS256", "ES256"],
    });
    if (payload.azp !== client.clientId || !payload.jti || !payload.exp) return false;
    await db().realmRevokedToken.upsert({
      where: { jti: payload.jti },
      create: { jti: payload.jti, realmId: realm.id, expiresAt: new Date(payload.exp * 1000) },
      update: {},
    });
    return true;
  } catch {
    return false;
  }
}
