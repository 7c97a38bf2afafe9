// The console user resource: request schemas and response shape (never the password hash).
import { z } from "zod";
import type { User } from "@/generated/prisma/client";
import { roleToApi, userRoles } from "@/lib/auth/roles";

const passwordSchema = z
  .string()
  .min(12, "must be at least 12 characters")
  .max(200)
  .describe("Stored as a salted scrypt hash; never returned");

export const createUserInputSchema = z.object({
  email: z.email().max(320).transform((e) => e.toLowerCase()).describe("Sign-in email, unique (case-insensitive)"),
  name: z.string().trim().min(1).max(200).describe("Display name"),
  role: z.enum(userRoles).describe("platform_admin, api_publisher, viewer (read-only console) or developer (portal only)"),
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const updateUserInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    role: z.enum(userRoles).optional(),
    disabled: z.boolean().optional().describe("A disabled user cannot sign in; their API tokens stop working"),
    password: passwordSchema.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "send at least one of name, role, disabled, password");
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

export const userResourceSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(userRoles),
    disabled: z.boolean(),
    createdAt: z.string().describe("ISO 8601"),
    updatedAt: z.string().describe("ISO 8601"),
  })
  .meta({ id: "User" });
export type UserResource = z.infer<typeof userResourceSchema>;

export function toUserResource(user: User): UserResource {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: roleToApi(user.role),
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
