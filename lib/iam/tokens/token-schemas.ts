// The admin API token resource: request schema and response shape (never the secret or its hash).
import { z } from "zod";
import { isStorableInstant, safeText, TIMESTAMP_PROBLEM } from "@/lib/http/safe-text";
import { pageOf, pageQueryFields } from "@/lib/http/cursor-page";
import type { AdminApiToken, User } from "@/generated/prisma/client";
import type { AdminApiTokenRow } from "@/lib/db";
import { roleToApi, userRoles } from "@/lib/iam/roles";

export const createAdminApiTokenInputSchema = z.object({
  name: safeText().trim().min(1).max(200).describe("What the token is for, e.g. 'CI deploy'"),
  role: z.enum(userRoles).optional().describe("Role the token acts with; defaults to the creator's role and may not exceed it"),
  expiresAt: z.iso
    .datetime({ offset: true })
    .refine(isStorableInstant, TIMESTAMP_PROBLEM)
    .optional()
    .describe("Optional end of validity (ISO 8601, in the future); afterwards the token answers 401"),
});
export type CreateAdminApiTokenInput = z.infer<typeof createAdminApiTokenInputSchema>;

export const adminApiTokenResourceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(userRoles),
    prefix: z.string().describe("First characters of the token, to recognise it"),
    createdBy: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
    createdAt: z.string().describe("ISO 8601"),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    status: z.enum(["active", "expired", "revoked"]),
  })
  .meta({ id: "AdminApiToken" });

export const createdAdminApiTokenSchema = adminApiTokenResourceSchema
  .extend({ token: z.string().describe("The secret, shown only in this answer; send it as 'Authorization: Bearer <token>'") })
  .meta({ id: "CreatedAdminApiToken" });

export type AdminApiTokenResource = z.infer<typeof adminApiTokenResourceSchema>;

export const listAdminApiTokensQuerySchema = z.object({
  search: safeText().trim().min(1).max(200).optional().describe("Part of the name (case-insensitive)"),
  ...pageQueryFields,
});
export type ListAdminApiTokensQuery = z.infer<typeof listAdminApiTokensQuerySchema>;

export const adminApiTokenPageSchema = pageOf(adminApiTokenResourceSchema, "AdminApiTokenPage", "Newest first, then by id");

type TokenWithCreator = AdminApiTokenRow & { createdBy: Pick<User, "id" | "email" | "name"> | null };

export const tokenInclude = { createdBy: { select: { id: true, email: true, name: true } } } as const;

export function tokenStatus(token: Pick<AdminApiToken, "revokedAt" | "expiresAt">, now = new Date()) {
  if (token.revokedAt) return "revoked" as const;
  if (token.expiresAt && token.expiresAt <= now) return "expired" as const;
  return "active" as const;
}

export function toAdminApiTokenResource(token: TokenWithCreator): AdminApiTokenResource {
  return {
    id: token.id,
    name: token.name,
    role: roleToApi(token.role),
    prefix: token.prefix,
    createdBy: token.createdBy,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    status: tokenStatus(token),
  };
}
