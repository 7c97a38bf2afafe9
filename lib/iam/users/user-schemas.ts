// The console user resource: request schemas and response shape (never the password hash).
import { z } from "zod";
import { safeText } from "@/lib/http/safe-text";
import { pageOf, pageQueryFields } from "@/lib/http/cursor-page";
import type { UserRow } from "@/lib/db";
import { roleToApi, userRoles } from "@/lib/iam/roles";
import { themePreferenceSchema } from "./theme-preference-schemas";

/** The password rules of every account (console users, developers signing up, password changes). */
export const passwordSchema = z
  .string()
  .min(12, "must be at least 12 characters")
  .max(200)
  .describe("Stored as a salted scrypt hash; never returned");

export const createUserInputSchema = z.object({
  email: z.email().max(320).transform((e) => e.toLowerCase()).describe("Sign-in email, unique (case-insensitive)"),
  name: safeText().trim().min(1).max(200).describe("Display name"),
  role: z.enum(userRoles).describe("platform_admin, api_publisher, viewer (read-only console) or developer (portal only)"),
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const updateUserInputSchema = z
  .object({
    name: safeText().trim().min(1).max(200).optional(),
    role: z.enum(userRoles).optional(),
    disabled: z.boolean().optional().describe("A disabled user cannot sign in; their API tokens stop working"),
    password: passwordSchema.optional(),
    unlock: z
      .literal(true)
      .optional()
      .describe("Ends a temporary lockout after repeated failed sign-ins and resets the failure count"),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "send at least one of name, role, disabled, password, unlock");
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

export const userResourceSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(userRoles),
    disabled: z.boolean(),
    awaitingApproval: z.boolean().describe("Signed up in the portal while sign-up needs approval: cannot sign in until approved (POST /users/{userId}/approve)"),
    locked: z.boolean().describe("Sign-in refused until lockedUntil, after repeated wrong passwords"),
    lockedUntil: z.string().nullable().describe("ISO 8601; null when not locked"),
    failedLoginAttempts: z.number().int().describe("Wrong passwords since the last successful sign-in or unlock"),
    lastFailedLoginAt: z.string().nullable().describe("ISO 8601"),
    createdAt: z.string().describe("ISO 8601"),
    updatedAt: z.string().describe("ISO 8601"),
  })
  .meta({ id: "User" });
export type UserResource = z.infer<typeof userResourceSchema>;

const userFilterText = (description: string) => safeText().trim().min(1).max(320).optional().describe(description);

export const listUsersQuerySchema = z.object({
  search: userFilterText("Part of the email or the name (case-insensitive)"),
  email: userFilterText("Part of the email (case-insensitive)"),
  name: userFilterText("Part of the name (case-insensitive)"),
  role: z.enum(userRoles).optional(),
  ...pageQueryFields,
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export const userPageSchema = pageOf(userResourceSchema, "UserPage", "By email");

/** GET /me: the caller, a user or a token acting without one. */
export const meSchema = z
  .object({
    id: z.string().describe("User id, or the token id for a token without a user"),
    email: z.string().nullable(),
    name: z.string(),
    role: z.enum(userRoles),
    theme: themePreferenceSchema,
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof meSchema>;

/** A lock that has run out reads as none: admins see only locks that still refuse sign-ins. */
function lockoutOf(user: UserRow, now = new Date()) {
  const locked = user.lockedUntil !== null && user.lockedUntil > now;
  return {
    locked,
    lockedUntil: locked ? user.lockedUntil!.toISOString() : null,
    failedLoginAttempts: user.failedLoginAttempts,
    lastFailedLoginAt: user.lastFailedLoginAt?.toISOString() ?? null,
  };
}

export function toUserResource(user: UserRow): UserResource {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: roleToApi(user.role),
    disabled: user.disabled,
    awaitingApproval: user.awaitingApproval,
    ...lockoutOf(user),
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
