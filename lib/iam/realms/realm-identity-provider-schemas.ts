// A realm's identity providers (federation): external OpenID Connect issuers whose tokens the
// APIs bound to the realm accept, verified with the provider's JWKS and mapped to realm roles.
// Request schemas, the resource, and the answer of a connection test.
import { z } from "zod";
import { gatewayRoleMappingSchema } from "@portcullis/gateway/contract";
import { pageOf, pageQueryFields } from "@/lib/http/cursor-page";
import { roleNameSchema } from "./realm-directory-schemas";

/** https, or plain http on this machine only (tests and development): keys decide who gets in. */
export function isHttpsOrLocal(raw: string): boolean {
  const url = new URL(raw);
  return url.protocol === "https:" || (url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname));
}

const secureUrl = (what: string) =>
  z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
    .max(2000)
    .refine(isHttpsOrLocal, `${what} must be https (plain http only on localhost or 127.0.0.1)`)
    .refine((u) => !new URL(u).hash, `${what} must have no fragment`);

const aliasSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, "lowercase letters, digits, '.', '_' and '-', up to 63 characters")
  .describe("Unique in the realm; names the provider in the URL");

export const roleMappingSchema = gatewayRoleMappingSchema
  .extend({
    claim: gatewayRoleMappingSchema.shape.claim.describe('Dot path of a claim in the provider\'s token ("groups", "org.department")'),
    value: gatewayRoleMappingSchema.shape.value.describe("The claim must equal it, or be an array containing it"),
    role: roleNameSchema.describe("A role of this realm; the provider's tokens that match hold it"),
  })
  .strict()
  .meta({ id: "RealmRoleMapping" });
export type RoleMapping = z.infer<typeof roleMappingSchema>;

const roleMappingsSchema = z.array(roleMappingSchema).max(100);
const issuerSchema = secureUrl("issuer").describe("The provider's `iss`, compared exactly; discovery at {issuer}/.well-known/openid-configuration");
const jwksUriSchema = secureUrl("jwksUri").describe("Its public keys; without it, read from the issuer's discovery document");
const audienceSchema = z.string().trim().min(1).max(500).describe("The `aud` its tokens must carry; without it, the bound API's audiences");

// Sign-in through the provider (identity brokering, lib/iam/realms/broker/).
export const brokerFirstLoginSchema = z
  .enum(["create", "link_by_email"])
  .describe("A subject the realm has not seen: `create` a realm user, or `link_by_email` to the one realm user with the provider's email (only when it says email_verified)");
export type BrokerFirstLogin = z.infer<typeof brokerFirstLoginSchema>;
const displayNameSchema = z.string().trim().min(1).max(100).describe('Shown on the login page as "Sign in with {displayName}"; without it, the alias');
const clientIdSchema = z.string().trim().min(1).max(500).describe("The realm's client_id at the provider");
const clientSecretSchema = z.string().min(1).max(2000).describe("Its client secret; stored encrypted, never returned");
const scopesSchema = z
  .array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]{1,100}$/, "a scope token (RFC 6749 3.3)"))
  .min(1)
  .max(30)
  .refine((s) => s.includes("openid"), "must include openid")
  .describe("Scopes asked of the provider; must include openid");
const signInEnabledSchema = z.boolean().describe("Realm users may sign in through it; needs clientId and clientSecret");

export const createIdentityProviderInputSchema = z
  .object({
    alias: aliasSchema,
    issuer: issuerSchema,
    jwksUri: jwksUriSchema.optional(),
    audience: audienceSchema.optional(),
    roleMappings: roleMappingsSchema.default([]).describe("Claims of its tokens that grant realm roles; its own role claims grant nothing"),
    displayName: displayNameSchema.optional(),
    signInEnabled: signInEnabledSchema.default(false),
    clientId: clientIdSchema.optional(),
    clientSecret: clientSecretSchema.optional(),
    scopes: scopesSchema.default(["openid", "email", "profile"]),
    firstLogin: brokerFirstLoginSchema.default("create"),
  })
  .strict();
export type CreateIdentityProviderInput = z.infer<typeof createIdentityProviderInputSchema>;

// Written out, not .partial() (zod 4 would apply defaults inside optional): a PATCH never resets what it does not name.
export const updateIdentityProviderInputSchema = z
  .object({
    issuer: issuerSchema.optional().describe("A discovered provider's new issuer is discovered again unless jwksUri is sent too"),
    jwksUri: jwksUriSchema.nullable().optional().describe("null: read it from the issuer's discovery document again"),
    audience: audienceSchema.nullable().optional().describe("null: the bound API's audiences"),
    roleMappings: roleMappingsSchema.optional().describe("Replaces the mappings"),
    displayName: displayNameSchema.nullable().optional(),
    signInEnabled: signInEnabledSchema.optional(),
    clientId: clientIdSchema.nullable().optional().describe("null: no client (sign-in is then refused)"),
    clientSecret: clientSecretSchema.nullable().optional().describe("Replaces the secret; null removes it"),
    scopes: scopesSchema.optional(),
    firstLogin: brokerFirstLoginSchema.optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "send at least one field");
export type UpdateIdentityProviderInput = z.infer<typeof updateIdentityProviderInputSchema>;

export const identityProviderResourceSchema = z
  .object({
    id: z.string(),
    alias: z.string(),
    issuer: z.string(),
    jwksUri: z.string(),
    discovered: z.boolean().describe("true when jwksUri was read from the issuer's discovery document"),
    audience: z.string().nullable(),
    roleMappings: z.array(roleMappingSchema),
    displayName: z.string().nullable(),
    signInEnabled: z.boolean(),
    clientId: z.string().nullable(),
    hasClientSecret: z.boolean().describe("A client secret is stored (it is never returned)"),
    scopes: z.array(z.string()),
    firstLogin: brokerFirstLoginSchema,
    redirectUri: z.string().describe("The redirect URI to register for clientId at the provider"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "RealmIdentityProvider" });
export type IdentityProviderResource = z.infer<typeof identityProviderResourceSchema>;

export const listIdentityProvidersQuerySchema = z.object(pageQueryFields);
export const identityProviderPageSchema = pageOf(identityProviderResourceSchema, "RealmIdentityProviderPage", "By alias");

const publishedKeySchema = z.object({
  kid: z.string().nullable(),
  kty: z.string(),
  alg: z.string().nullable(),
  use: z.string().nullable(),
});

export const identityProviderTestResultSchema = z
  .object({
    ok: z.boolean().describe("Discovery (when the JWKS URI comes from it) and the JWKS both answered as they must"),
    discovery: z.object({
      url: z.string(),
      ok: z.boolean(),
      issuer: z.string().nullable().describe("The issuer the document names"),
      jwksUri: z.string().nullable().describe("Its jwks_uri"),
      error: z.string().nullable(),
    }),
    jwks: z.object({
      url: z.string(),
      ok: z.boolean(),
      keys: z.array(publishedKeySchema).describe("Public signing keys published (no key material)"),
      algorithms: z.array(z.string()).describe("Algorithms the keys name"),
      error: z.string().nullable(),
    }),
  })
  .meta({ id: "RealmIdentityProviderTestResult" });
export type IdentityProviderTestResult = z.infer<typeof identityProviderTestResultSchema>;
