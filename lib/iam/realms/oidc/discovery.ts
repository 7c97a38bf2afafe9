// /realms/{realm}/.well-known/openid-configuration (OIDC Discovery 1.0, RFC 8414 fields).
import { issuerOf, jwksUriOf } from "../issuer-url";
import { clientAssertionAlgorithms } from "../realm-client-schemas";
import { signingAlgorithms } from "../realm-schemas";
import { publishedJwks } from "../signing-keys";
import { oauthJson } from "./oauth-response";
import { enabledRealm } from "./realm-for-protocol";
import { db } from "@/lib/db";
import { supportedGrantTypes } from "./token-endpoint";

export async function handleDiscovery(realmName: string): Promise<Response> {
  const realm = await enabledRealm(realmName);
  const issuer = issuerOf(realm.name);
  const endpoint = (name: string) => `${issuer}/protocol/openid-connect/${name}`;
  const authMethods = ["client_secret_basic", "client_secret_post", "private_key_jwt", "none"];
  // openid and the realm's client scopes (a client may also have plain scopes of its own).
  const clientScopes = await db().realmClientScope.findMany({ where: { realmId: realm.id }, select: { name: true }, orderBy: { name: "asc" } });
  return oauthJson(
    {
      issuer,
      authorization_endpoint: endpoint("auth"),
      token_endpoint: endpoint("token"),
      userinfo_endpoint: endpoint("userinfo"),
      jwks_uri: jwksUriOf(realm.name),
      introspection_endpoint: endpoint("token/introspect"),
      revocation_endpoint: endpoint("revoke"),
      response_types_supported: ["code"],
      response_modes_supported: ["query"],
      grant_types_supported: supportedGrantTypes,
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: signingAlgorithms,
      scopes_supported: ["openid", ...clientScopes.map((s) => s.name)],
      claims_supported: ["iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "azp", "preferred_username", "email"],
      token_endpoint_auth_methods_supported: authMethods,
      introspection_endpoint_auth_methods_supported: authMethods.filter((m) => m !== "none"),
      revocation_endpoint_auth_methods_supported: authMethods,
      token_endpoint_auth_signing_alg_values_supported: clientAssertionAlgorithms,
      introspection_endpoint_auth_signing_alg_values_supported: clientAssertionAlgorithms,
      revocation_endpoint_auth_signing_alg_values_supported: clientAssertionAlgorithms,
      code_challenge_methods_supported: ["S256"],
      authorization_response_iss_parameter_supported: true,
    },
    { cacheable: true, headers: { "cache-control": "public, max-age=60" } },
  );
}

/** The JWKS: staged keys too, so relying parties hold a key before anything is signed with it. */
export async function handleJwks(realmName: string): Promise<Response> {
  const realm = await enabledRealm(realmName);
  return oauthJson(await publishedJwks(realm.id), { cacheable: true, headers: { "cache-control": "public, max-age=60" } });
}
