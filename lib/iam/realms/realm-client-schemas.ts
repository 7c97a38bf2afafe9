// A realm's OAuth clients: request schemas and response shape. The secret of a confidential
// client is answered only when it is created or rotated; only its SHA-256 is stored.
import { z } from "zod";
import { pageOf, pageQueryFields } from "@/lib/http/cursor-page";
import { safeText } from "@/lib/http/safe-text";
import { roleNameSchema } from "./realm-directory-schemas";
import { clientScopeNamesSchema } from "./realm-client-scope-schemas";

export const clientTypes = ["confidential", "public"] as const;

const clientIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/, "letters, digits, '.', '_', ':' and '-', up to 200 characters")
  .describe("Unique in the realm; the `client_id` and the token's `azp`");

/** RFC 6749 scope-token; the gateway's requiredScopes use the same alphabet. */
export const scopeSchema = z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]{1,200}$/, "printable ASCII without spaces, quotes or backslashes");

/** Exact-match redirect URIs (RFC 9700): https, or http on loopback for native apps and development. */
const redirectUriSchema = z
  .url()
  .max(2000)
  .refine((u) => {
    const url = new URL(u);
    if (url.hash) return false;
    if (url.protocol === "https:") return true;
    return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  }, "must be https (http only on loopback) and have no fragment");

const lifetime = z.number().int().min(10).max(30 * 86_400).nullable().optional();

/** OIDC Core 9. The two secret methods are one credential: a secret client may send it either way. */
export const tokenEndpointAuthMethods = ["client_secret_basic", "client_secret_post", "private_key_jwt", "none"] as const;
export type TokenEndpointAuthMethod = (typeof tokenEndpointAuthMethods)[number];

/** Algorithms a private_key_jwt assertion may be signed with (never none, never a shared-secret HMAC). */
export const clientAssertionAlgorithms = ["RS256", "ES256", "PS256"] as const;

const PRIVATE_JWK_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "k", "oth"];

/** A client's public key: RSA or EC P-256, never a private or symmetric key. */
const clientJwkSchema = z
  .looseObject({
    kty: z.enum(["RSA", "EC"]),
    kid: z.string().min(1).max(200).optional(),
    alg: z.enum(clientAssertionAlgorithms).optional(),
    use: z.literal("sig").optional(),
    n: z.string().optional(),
    e: z.string().optional(),
    crv: z.literal("P-256").optional(),
    x: z.string().optional(),
    y: z.string().optional(),
  })
  .refine((k) => !PRIVATE_JWK_MEMBERS.some((m) => m in k), "must be a public key (no private members)")
  .refine((k) => (k.kty === "RSA" ? Boolean(k.n && k.e) : Boolean(k.crv && k.x && k.y)), "RSA keys need n and e; EC keys crv P-256, x and y");

export const clientJwksSchema = z
  .object({ keys: z.array(clientJwkSchema).min(1).max(10) })
  .describe("private_key_jwt: the client's public keys (JWKS); assertions name one by kid");

/** Where the client publishes its JWKS: https (http only on loopback, for development). */
const jwksUriSchema = z
  .url()
  .max(2000)
  .refine((u) => {
    const url = new URL(u);
    return url.protocol === "https:" || (url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname));
  }, "must be https (http only on loopback)")
  .describe("private_key_jwt: where the client publishes its JWKS (fetched and cached)");

/** The rules between type, method and keys, for create and (on the merged result) for PATCH. */
export function clientAuthProblem(c: { type: "confidential" | "public"; method: TokenEndpointAuthMethod; jwks: unknown; jwksUri: string | null | undefined }): string | undefined {
  if (c.type === "public" && c.method !== "none") return "a public client authenticates with nothing: tokenEndpointAuthMethod must be none";
  if (c.type === "confidential" && c.method === "none") return "a confidential client must authenticate: use client_secret_basic, client_secret_post or private_key_jwt";
  const keys = (c.jwks ? 1 : 0) + (c.jwksUri ? 1 : 0);
  if (c.method === "private_key_jwt" && keys !== 1) return "private_key_jwt needs exactly one of jwks or jwksUri";
  if (c.method !== "private_key_jwt" && keys > 0) return "jwks and jwksUri are for private_key_jwt clients only";
  return undefined;
}

export const createClientInputSchema = z
  .object({
    clientId: clientIdSchema,
    type: z.enum(clientTypes).describe("confidential: authenticates with a secret; public: PKCE (S256) only, no client_credentials"),
    roles: z.array(roleNameSchema).max(100).default([]).describe("Realm roles of the client itself, in its client_credentials tokens"),
    clientRoles: z.array(roleNameSchema).max(100).default([]).describe("Roles this client defines; users holding them get resource_access.{clientId}.roles"),
    scopes: z.array(scopeSchema).max(100).default([]).describe("Scopes it may request; all of them by default"),
    redirectUris: z.array(redirectUriSchema).max(50).default([]).describe("Compared exactly in the authorization code flow"),
    defaultClientScopes: clientScopeNamesSchema
      .optional()
      .describe("Client scopes whose claims are in every token (realm client scopes, by name); without it, the realm's scopes marked assignToNewClients default (less any named optional)"),
    optionalClientScopes: clientScopeNamesSchema
      .optional()
      .describe("Client scopes added only when the token request names them in `scope`; without it, those marked assignToNewClients optional"),
    audiences: z.array(z.string().trim().min(1).max(500)).max(20).default([]).describe("Extra `aud` values of its access tokens (the APIs it calls)"),
    accessTokenLifetimeSeconds: lifetime.describe("Overrides the realm's; null = the realm's"),
    refreshTokenLifetimeSeconds: lifetime.describe("Overrides the realm's; null = the realm's"),
    tokenEndpointAuthMethod: z
      .enum(tokenEndpointAuthMethods)
      .optional()
      .describe("Default: client_secret_basic for confidential clients (post is accepted too), none for public ones. private_key_jwt: no secret at all, the client signs an assertion (RFC 7523)"),
    jwks: clientJwksSchema.optional(),
    jwksUri: jwksUriSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const method = v.tokenEndpointAuthMethod ?? (v.type === "public" ? "none" : "client_secret_basic");
    const problem = clientAuthProblem({ type: v.type, method, jwks: v.jwks, jwksUri: v.jwksUri });
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["tokenEndpointAuthMethod"] });
  });
export type CreateClientInput = z.infer<typeof createClientInputSchema>;

// Written out, not derived with .partial(): zod 4 still applies the create schema's defaults
// inside .optional(), and a PATCH must never reset the fields it does not name.
export const updateClientInputSchema = z
  .object({
    roles: z.array(roleNameSchema).max(100).optional().describe("Replaces the client's service roles"),
    clientRoles: z.array(roleNameSchema).max(100).optional().describe("Replaces the roles this client defines"),
    scopes: z.array(scopeSchema).max(100).optional(),
    redirectUris: z.array(redirectUriSchema).max(50).optional(),
    defaultClientScopes: clientScopeNamesSchema.optional().describe("Replaces the client's default client scopes"),
    optionalClientScopes: clientScopeNamesSchema.optional().describe("Replaces the client's optional client scopes"),
    audiences: z.array(z.string().trim().min(1).max(500)).max(20).optional(),
    accessTokenLifetimeSeconds: lifetime,
    refreshTokenLifetimeSeconds: lifetime,
    enabled: z.boolean().optional().describe("A disabled client gets no tokens; its refresh tokens stop working"),
    tokenEndpointAuthMethod: z
      .enum(tokenEndpointAuthMethods)
      .optional()
      .describe("Switching a confidential client to private_key_jwt drops its secret; switching back needs rotate-secret"),
    jwks: clientJwksSchema.nullable().optional().describe("Replaces the client's JWKS; null removes it"),
    jwksUri: jwksUriSchema.nullable().optional().describe("Replaces the client's JWKS URI; null removes it"),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "send at least one field");
export type UpdateClientInput = z.infer<typeof updateClientInputSchema>;

export const clientResourceSchema = z
  .object({
    id: z.string(),
    clientId: z.string(),
    type: z.enum(clientTypes),
    enabled: z.boolean(),
    roles: z.array(z.string()),
    clientRoles: z.array(z.string()).describe("Roles this client defines (resource_access.{clientId}.roles)"),
    scopes: z.array(z.string()).describe("Plain scope values it may request (no claims of their own)"),
    defaultClientScopes: z.array(z.string()).describe("Client scopes in every token, by name"),
    optionalClientScopes: z.array(z.string()).describe("Client scopes granted when requested, by name"),
    redirectUris: z.array(z.string()),
    audiences: z.array(z.string()),
    accessTokenLifetimeSeconds: z.number().int().nullable(),
    refreshTokenLifetimeSeconds: z.number().int().nullable(),
    tokenEndpointAuthMethod: z.enum(tokenEndpointAuthMethods),
    jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).nullable().describe("private_key_jwt: the registered public keys"),
    jwksUri: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "RealmClient" });
export type ClientResource = z.infer<typeof clientResourceSchema>;

export const listClientsQuerySchema = z.object({
  ...pageQueryFields,
  search: safeText().trim().max(200).optional().describe("Part of the clientId, case-insensitive"),
});
export type ListClientsQuery = z.infer<typeof listClientsQuerySchema>;
export const clientPageSchema = pageOf(clientResourceSchema, "RealmClientPage", "By clientId");

export const createdClientSchema = z
  .object({
    clientId: z.string(),
    clientSecret: z.string().nullable().describe("Confidential clients with a secret method only (not private_key_jwt); shown only in this answer"),
    client: clientResourceSchema,
  })
  .meta({ id: "CreatedRealmClient" });

export const rotatedClientSecretSchema = z
  .object({ clientId: z.string(), clientSecret: z.string().describe("The new secret, shown only here; the old one stops working now") })
  .meta({ id: "RotatedClientSecret" });

