// A realm's OAuth clients: request schemas and response shape. The secret of a confidential
// client is answered only when it is created or rotated; only its SHA-256 is stored.
import { z } from "zod";
import { roleNameSchema } from "./realm-directory-schemas";

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

export const createClientInputSchema = z
  .object({
    clientId: clientIdSchema,
    type: z.enum(clientTypes).describe("confidential: authenticates with a secret; public: PKCE (S256) only, no client_credentials"),
    roles: z.array(roleNameSchema).max(100).default([]).describe("Realm roles of the client itself, in its client_credentials tokens"),
    clientRoles: z.array(roleNameSchema).max(100).default([]).describe("Roles this client defines; users holding them get resource_access.{clientId}.roles"),
    scopes: z.array(scopeSchema).max(100).default([]).describe("Scopes it may request; all of them by default"),
    redirectUris: z.array(redirectUriSchema).max(50).default([]).describe("Compared exactly in the authorization code flow"),
    audiences: z.array(z.string().trim().min(1).max(500)).max(20).default([]).describe("Extra `aud` values of its access tokens (the APIs it calls)"),
    accessTokenLifetimeSeconds: lifetime.describe("Overrides the realm's; null = the realm's"),
    refreshTokenLifetimeSeconds: lifetime.describe("Overrides the realm's; null = the realm's"),
  })
  .strict();
export type CreateClientInput = z.infer<typeof createClientInputSchema>;

// Written out, not derived with .partial(): zod 4 still applies the create schema's defaults
// inside .optional(), and a PATCH must never reset the fields it does not name.
export const updateClientInputSchema = z
  .object({
    roles: z.array(roleNameSchema).max(100).optional().describe("Replaces the client's service roles"),
    clientRoles: z.array(roleNameSchema).max(100).optional().describe("Replaces the roles this client defines"),
    scopes: z.array(scopeSchema).max(100).optional(),
    redirectUris: z.array(redirectUriSchema).max(50).optional(),
    audiences: z.array(z.string().trim().min(1).max(500)).max(20).optional(),
    accessTokenLifetimeSeconds: lifetime,
    refreshTokenLifetimeSeconds: lifetime,
    enabled: z.boolean().optional().describe("A disabled client gets no tokens; its refresh tokens stop working"),
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
    scopes: z.array(z.string()),
    redirectUris: z.array(z.string()),
    audiences: z.array(z.string()),
    accessTokenLifetimeSeconds: z.number().int().nullable(),
    refreshTokenLifetimeSeconds: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "RealmClient" });
export type ClientResource = z.infer<typeof clientResourceSchema>;

export const createdClientSchema = z
  .object({
    clientId: z.string(),
    clientSecret: z.string().nullable().describe("Confidential clients only; shown only in this answer"),
    client: clientResourceSchema,
  })
  .meta({ id: "CreatedRealmClient" });

export const rotatedClientSecretSchema = z
  .object({ clientId: z.string(), clientSecret: z.string().describe("The new secret, shown only here; the old one stops working now") })
  .meta({ id: "RotatedClientSecret" });

