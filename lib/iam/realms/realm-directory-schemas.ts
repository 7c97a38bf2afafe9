// A realm's roles, groups and users: request schemas and response shapes (never a password hash).
import { z } from "zod";
import { pageOf, pageQueryFields } from "@/lib/http/cursor-page";
import { safeText } from "@/lib/http/safe-text";

/** Role and group names end up in tokens and gateway rules: no spaces, nothing exotic. */
export const roleNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, "letters, digits, '.', '_', ':' and '-', up to 100 characters");

export const createRoleInputSchema = z
  .object({
    name: roleNameSchema.describe("Lands in realm_access.roles of its holders' tokens"),
    description: safeText().trim().max(500).optional(),
  })
  .strict();
export type CreateRoleInput = z.infer<typeof createRoleInputSchema>;

export const roleResourceSchema = z
  .object({ id: z.string(), name: z.string(), description: z.string(), createdAt: z.string() })
  .meta({ id: "RealmRole" });
export type RoleResource = z.infer<typeof roleResourceSchema>;

/** `?limit`, `?cursor` and `?search` (part of the name, case-insensitive) for the role and group lists. */
export const listByNameQuerySchema = z.object({
  ...pageQueryFields,
  search: safeText().trim().max(200).optional().describe("Part of the name, case-insensitive"),
});
export type ListByNameQuery = z.infer<typeof listByNameQuerySchema>;
export const rolePageSchema = pageOf(roleResourceSchema, "RealmRolePage", "By name");

export const createGroupInputSchema = z
  .object({
    name: safeText().trim().min(1).max(100),
    roles: z.array(roleNameSchema).max(100).default([]).describe("Realm roles every member holds"),
  })
  .strict();
export type CreateGroupInput = z.infer<typeof createGroupInputSchema>;

export const groupResourceSchema = z
  .object({ id: z.string(), name: z.string(), roles: z.array(z.string()), createdAt: z.string() })
  .meta({ id: "RealmGroup" });
export type GroupResource = z.infer<typeof groupResourceSchema>;
export const groupPageSchema = pageOf(groupResourceSchema, "RealmGroupPage", "By name");

const passwordSchema = z.string().min(12, "must be at least 12 characters").max(200).describe("Stored as a salted scrypt hash; never returned");

export const createRealmUserInputSchema = z
  .object({
    username: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._@+-]{0,199}$/, "letters, digits and . _ @ + -, up to 200 characters")
      .transform((u) => u.toLowerCase())
      .describe("Unique in the realm (case-insensitive); the login name and `preferred_username`"),
    email: z.email().max(320).optional(),
    password: passwordSchema.optional().describe("Without one the user cannot sign in with a password"),
    roles: z.array(roleNameSchema).max(100).default([]).describe("Realm roles"),
    clientRoles: z
      .record(z.string().max(200), z.array(roleNameSchema).max(100))
      .default({})
      .describe("Client roles by clientId: land in resource_access.{clientId}.roles"),
    groups: z.array(safeText().max(100)).max(100).default([]).describe("Group names"),
  })
  .strict();
export type CreateRealmUserInput = z.infer<typeof createRealmUserInputSchema>;

export const updateRealmUserInputSchema = z
  .object({
    email: z.email().max(320).nullable().optional(),
    password: passwordSchema.optional(),
    enabled: z.boolean().optional().describe("A disabled user cannot sign in or refresh tokens"),
    roles: z.array(roleNameSchema).max(100).optional().describe("Replaces the user's realm roles"),
    groups: z.array(safeText().max(100)).max(100).optional().describe("Replaces the user's groups"),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "send at least one field");
export type UpdateRealmUserInput = z.infer<typeof updateRealmUserInputSchema>;

export const listRealmUsersQuerySchema = z.object({
  ...pageQueryFields,
  search: safeText().trim().max(200).optional().describe("Part of the username or email, case-insensitive"),
});
export type ListRealmUsersQuery = z.infer<typeof listRealmUsersQuerySchema>;

export const realmUserResourceSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    email: z.string().nullable(),
    enabled: z.boolean(),
    hasPassword: z.boolean(),
    roles: z.array(z.string()),
    clientRoles: z.record(z.string(), z.array(z.string())),
    groups: z.array(z.string()),
    createdAt: z.string(),
  })
  .meta({ id: "RealmUser" });
export type RealmUserResource = z.infer<typeof realmUserResourceSchema>;
export const realmUserPageSchema = pageOf(realmUserResourceSchema, "RealmUserPage", "By username");
