// A realm's client scopes (Keycloak's): a named scope value whose protocol mappers add claims
// (or audiences) to the access tokens of the clients it is assigned to, as a default scope
// (every token) or an optional one (only when the token request names it in `scope`).
import { z } from "zod";
import { pageOf, pageQueryFields } from "@/lib/http/cursor-page";
import { safeText } from "@/lib/http/safe-text";

/** A scope token (RFC 6749 3.3) that is also safe in a URL path; `openid` is the protocol's own. */
export const clientScopeNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, "letters, digits, '.', '_', ':' and '-', up to 100 characters")
  .refine((n) => n !== "openid", "openid is OpenID Connect's own scope, not a client scope")
  .describe("Unique in the realm; the value clients request in `scope`");

/**
 * Claims a mapper may never write: they say who issued the token, to whom and for how long,
 * so they come from the token endpoint alone (audiences through the audience mapper).
 */
export const RESERVED_CLAIMS = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "azp", "client_id", "scope", "typ", "sid", "auth_time", "nonce", "at_hash", "cnf", "acr", "amr"];

/** A claim path: dot-separated names ("realm_access.roles", "org.tier"), its first name not reserved. */
const claimPathSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_:-]{0,99}(\.[A-Za-z_][A-Za-z0-9_:-]{0,99}){0,4}$/, "dot-separated claim names (letters, digits, '_', ':', '-'), at most 5 deep")
  .refine((p) => !RESERVED_CLAIMS.includes(p.split(".")[0]), `must not be a protocol claim (${RESERVED_CLAIMS.join(", ")})`)
  .describe("Where the claim lands in the access token; dots nest (realm_access.roles)");

const mapperName = safeText().trim().min(1).max(100).describe("Names the mapper in the console and audit log");

export const userAttributes = ["username", "email", "id"] as const;

export const protocolMapperSchema = z
  .discriminatedUnion("type", [
    z
      .object({
        name: mapperName,
        type: z.literal("hardcoded-claim"),
        claim: claimPathSchema,
        value: z.union([safeText().max(2000), z.number(), z.boolean(), z.array(safeText().max(500)).max(50)]).describe("The same value in every token"),
      })
      .strict(),
    z
      .object({
        name: mapperName,
        type: z.literal("user-attribute"),
        attribute: z.enum(userAttributes).describe("Of the realm user; service accounts have username service-account-{clientId} and no email"),
        claim: claimPathSchema,
      })
      .strict(),
    z.object({ name: mapperName, type: z.literal("realm-roles"), claim: claimPathSchema.default("realm_access.roles") }).strict(),
    z
      .object({ name: mapperName, type: z.literal("client-roles"), claim: claimPathSchema.default("resource_access") })
      .strict()
      .describe("Client roles as {clientId: {roles: [...]}}, Keycloak's resource_access"),
    z
      .object({ name: mapperName, type: z.literal("audience"), audience: safeText().trim().min(1).max(500).describe("Added to the token's `aud`") })
      .strict(),
  ])
  .meta({ id: "RealmProtocolMapper" });
export type ProtocolMapper = z.infer<typeof protocolMapperSchema>;

const mappersSchema = z
  .array(protocolMapperSchema)
  .max(50)
  .refine((ms) => new Set(ms.map((m) => m.name)).size === ms.length, "mapper names must be unique within the scope");

export const clientScopeKinds = ["default", "optional"] as const;
const assignToNewClientsSchema = z
  .enum(clientScopeKinds)
  .nullable()
  .describe("New clients of the realm get it as a default or optional scope; null = only when assigned");

export const createClientScopeInputSchema = z
  .object({
    name: clientScopeNameSchema,
    description: safeText().trim().max(500).optional(),
    protocol: z.literal("openid-connect").default("openid-connect"),
    includeInTokenScope: z.boolean().default(true).describe("Whether its name appears in the token's `scope` when granted"),
    mappers: mappersSchema.default([]),
    assignToNewClients: assignToNewClientsSchema.default(null),
  })
  .strict();
export type CreateClientScopeInput = z.infer<typeof createClientScopeInputSchema>;

export const updateClientScopeInputSchema = z
  .object({
    description: safeText().trim().max(500).optional(),
    includeInTokenScope: z.boolean().optional(),
    mappers: mappersSchema.optional().describe("Replaces the scope's mappers"),
    assignToNewClients: assignToNewClientsSchema.optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "send at least one field");
export type UpdateClientScopeInput = z.infer<typeof updateClientScopeInputSchema>;

export const clientScopeResourceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    protocol: z.literal("openid-connect"),
    includeInTokenScope: z.boolean(),
    mappers: z.array(protocolMapperSchema),
    assignToNewClients: z.enum(clientScopeKinds).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "RealmClientScope" });
export type ClientScopeResource = z.infer<typeof clientScopeResourceSchema>;

export const listClientScopesQuerySchema = z.object({
  ...pageQueryFields,
  search: safeText().trim().max(200).optional().describe("Part of the name, case-insensitive"),
});
export type ListClientScopesQuery = z.infer<typeof listClientScopesQuerySchema>;
export const clientScopePageSchema = pageOf(clientScopeResourceSchema, "RealmClientScopePage", "By name");

/** A client's assignments, on create and PATCH of clients. */
export const clientScopeNamesSchema = z.array(clientScopeNameSchema).max(100);
