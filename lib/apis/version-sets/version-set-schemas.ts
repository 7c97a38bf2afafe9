// Version sets (Azure API Management's model): APIs that are versions of one
// another, and how a client names the version: a path segment, a header or a
// query parameter. Request schemas and the response schema.
import { z } from "zod";
import { isoDate } from "@/lib/http/iso-date-schema";
import { safeText } from "@/lib/http/safe-text";
import { pageOf, pageQueryFields } from "@/lib/http/cursor-page";
import type { ApiVersionSet } from "@/generated/prisma/client";
import { apiLifecycles, type ApiLifecycleName } from "../lifecycle/api-lifecycles";

export const versioningSchemes = ["path", "header", "query"] as const;
export type VersioningSchemeName = (typeof versioningSchemes)[number];

/** What clients send when the set does not name one, as in Azure. */
export const defaultParameterName: Record<VersioningSchemeName, string> = {
  path: "",
  header: "Api-Version",
  query: "api-version",
};

/** A path segment for the path scheme, a header/query value otherwise: the stricter of both. */
export const versionNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._~-]+$/, "letters, digits, . _ ~ -")
  .refine((v) => v !== "." && v !== "..", "not '.' or '..'")
  .describe("This API's version within its version set, e.g. 'v2' or '2024-05-01'");

const parameterNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "a header or query parameter name (no spaces)")
  .describe("Header or query parameter carrying the version; default Api-Version (header) or api-version (query)");

export const createVersionSetInputSchema = z.object({
  name: safeText().trim().min(1).max(200).describe("Unique display name, e.g. 'Orders'"),
  description: safeText().max(10_000).optional(),
  scheme: z.enum(versioningSchemes).describe("How clients name the version: path segment, header or query parameter"),
  parameterName: parameterNameSchema.optional(),
});
export type CreateVersionSetInput = z.infer<typeof createVersionSetInputSchema>;

export const updateVersionSetInputSchema = createVersionSetInputSchema.partial();
export type UpdateVersionSetInput = z.infer<typeof updateVersionSetInputSchema>;

type VersionSetWithApis = ApiVersionSet & {
  apis?: { id: string; name: string; versionName: string | null; lifecycle: string }[];
};

export const versionSetResourceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    scheme: z.enum(versioningSchemes),
    parameterName: z.string().nullable().describe("null for the path scheme"),
    ownerId: z.string().nullable().describe("The publisher who created the set; null for a platform admin's set, which only admins manage"),
    apis: z.array(z.object({ id: z.string(), name: z.string(), versionName: z.string().nullable(), lifecycle: z.enum(apiLifecycles) })),
    createdAt: isoDate(),
    updatedAt: isoDate(),
  })
  .meta({ id: "VersionSet" });
export type VersionSetResource = z.infer<typeof versionSetResourceSchema>;

export const listVersionSetsQuerySchema = z.object({
  search: safeText().trim().min(1).max(200).optional().describe("Part of the name (case-insensitive)"),
  ...pageQueryFields,
});
export type ListVersionSetsQuery = z.infer<typeof listVersionSetsQuerySchema>;

export const versionSetPageSchema = pageOf(versionSetResourceSchema, "VersionSetPage", "By name");

export function toVersionSetResource(set: VersionSetWithApis): VersionSetResource {
  const scheme = set.scheme.toLowerCase() as VersioningSchemeName;
  return {
    id: set.id,
    name: set.name,
    description: set.description,
    scheme,
    parameterName: scheme === "path" ? null : set.parameterName,
    ownerId: set.ownerId,
    apis: (set.apis ?? []).map((a) => ({ id: a.id, name: a.name, versionName: a.versionName, lifecycle: a.lifecycle.toLowerCase() as ApiLifecycleName })),
    createdAt: set.createdAt.toISOString(),
    updatedAt: set.updatedAt.toISOString(),
  };
}

export const versionSetApisInclude = {
  apis: { select: { id: true, name: true, versionName: true, lifecycle: true }, orderBy: { versionName: "asc" as const } },
};
