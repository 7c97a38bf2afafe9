// OpenAPI entries for a realm's identity providers (federation).
import {
  createIdentityProviderInputSchema,
  identityProviderPageSchema,
  identityProviderResourceSchema,
  identityProviderTestResultSchema,
  listIdentityProvidersQuerySchema,
  updateIdentityProviderInputSchema,
} from "@/lib/iam/realms/realm-identity-provider-schemas";
import { identityLinkListSchema, identityLinkResourceSchema } from "@/lib/iam/realms/broker/identity-link-schemas";
import { routeDocs } from "../route-doc";

const tag = "Realms";
const path = "/realms/{realm}/identity-providers" as const;

export const realmIdentityProvidersRoutes = routeDocs([
  {
    method: "get",
    path,
    operationId: "listRealmIdentityProviders",
    summary: "A realm's identity providers, by alias",
    tag,
    query: listIdentityProvidersQuerySchema,
    response: { status: 200, description: "A page of identity providers", schema: identityProviderPageSchema },
  },
  {
    method: "post",
    path,
    operationId: "createRealmIdentityProvider",
    summary: "Trust an OpenID Connect provider's tokens for the APIs bound to this realm",
    description:
      "Without jwksUri the console reads {issuer}/.well-known/openid-configuration (https only, bounded in time and size), refuses a document naming another issuer (422) and stores its jwks_uri. Role mappings must name roles of the realm. The bound APIs are republished. With `signInEnabled` (needs clientId and clientSecret; the secret is stored encrypted and never returned) the realm's login page offers \"Sign in with {displayName}\": register the answer's `redirectUri` at the provider.",
    tag,
    body: createIdentityProviderInputSchema,
    response: { status: 201, description: "The identity provider", schema: identityProviderResourceSchema },
    errors: [409, 422],
  },
  {
    method: "get",
    path: `${path}/{alias}`,
    operationId: "getRealmIdentityProvider",
    summary: "One identity provider",
    tag,
    response: { status: 200, description: "The identity provider", schema: identityProviderResourceSchema },
  },
  {
    method: "patch",
    path: `${path}/{alias}`,
    operationId: "updateRealmIdentityProvider",
    summary: "Change an identity provider: issuer, JWKS URI, audience, role mappings, sign-in through it",
    description: "A discovered provider's new issuer is discovered again unless jwksUri is sent; `jwksUri: null` discovers it again. The bound APIs are republished.",
    tag,
    body: updateIdentityProviderInputSchema,
    response: { status: 200, description: "The identity provider", schema: identityProviderResourceSchema },
    errors: [409, 422],
  },
  {
    method: "delete",
    path: `${path}/{alias}`,
    operationId: "deleteRealmIdentityProvider",
    summary: "Stop trusting an identity provider",
    tag,
    response: { status: 200, description: "The removed identity provider", schema: identityProviderResourceSchema },
  },
  {
    method: "post",
    path: `${path}/{alias}/test`,
    operationId: "testRealmIdentityProvider",
    summary: "Test the connection: fetch discovery and the JWKS now",
    description: "Answers 200 either way: `ok`, the keys and algorithms found, or for each step the error.",
    tag,
    response: { status: 200, description: "What discovery and the JWKS answered", schema: identityProviderTestResultSchema },
  },
  {
    method: "get",
    path: "/realms/{realm}/users/{userId}/identity-links",
    operationId: "listRealmUserIdentityLinks",
    summary: "A realm user's linked identities at identity providers",
    tag,
    response: { status: 200, description: "The links, by alias", schema: identityLinkListSchema },
  },
  {
    method: "delete",
    path: "/realms/{realm}/users/{userId}/identity-links/{alias}",
    operationId: "unlinkRealmUserIdentity",
    summary: "Unlink a realm user's identity at an identity provider",
    description: "That identity no longer signs in as the user; its next sign-in follows the provider's first-login policy. Audited.",
    tag,
    response: { status: 200, description: "The removed link", schema: identityLinkResourceSchema },
  },
]);
