// The API resource of the management API: request schema, response schema, and the
// function that answers it (typed by that schema, so the two cannot drift apart).
import { z } from "zod";
import { GATEWAY_RESERVED_PATHS } from "@portcullis/gateway/contract";
import { isoDate } from "@/lib/http/iso-date-schema";
import { safeText } from "@/lib/http/safe-text";
import { pageOf, pageQueryFields } from "@/lib/http/cursor-page";
import type { Api, ApiRevision, ApiVersionSet, Operation, Prisma } from "@/generated/prisma/client";
import { apiLifecycles, type ApiLifecycleName } from "./lifecycle/api-lifecycles";
import { storedLintCounts } from "./specs/lint-report";
import { lintSummarySchema } from "./specs/lint-report-schemas";
import { jwtRequirementsInputSchema, jwtRequirementsSchema, readJwtRequirements } from "./jwt-requirements-schema";
import { limitResourceFields, readLimits } from "@/lib/gateway-policy/limit-schemas";
import { readRequestRules, requestRuleResourceFields } from "@/lib/gateway-policy/request-rule-schemas";
import { identityRuleResourceFields, readIdentityRules } from "@/lib/gateway-policy/identity-rule-schemas";
import { readScopePolicy } from "@/lib/gateway-policy/stored-scope-policy";
import { apiTlsResourceFields, readApiTls } from "./api-tls-schemas";
import { apiBackendsResourceFields } from "./backends/api-backends-schemas";
import { readApiBackends } from "./backends/stored-backend-settings";
import { exactlyOneSpec, specInputFields } from "./specs/spec-input-schema";
import { gatewayPathOf } from "./version-sets/gateway-path";
import { versioningSchemes, versionNameSchema, type VersioningSchemeName } from "./version-sets/version-set-schemas";

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), "must be an http(s) URL")
  .describe("Backend base URL the gateway forwards to");

export const apiPathSchema = z
  .string()
  .trim()
  .transform((p) => p.replace(/^\/+|\/+$/g, ""))
  .pipe(
    z
      .string()
      .min(1, "must not be empty")
      .max(200)
      .regex(/^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/, "letters, digits, . _ ~ - separated by /")
      .refine((p) => p.split("/").every((segment) => segment !== "." && segment !== ".."), "no '.' or '..' segments")
      .refine((p) => !(GATEWAY_RESERVED_PATHS as readonly string[]).includes(p.split("/")[0]), {
        message: `${GATEWAY_RESERVED_PATHS.map((r) => `'${r}'`).join(" and ")} are reserved by the gateway`,
      }),
  )
  .describe("Base path on the gateway, e.g. 'orders' serves /orders/...");

export const createApiInputSchema = z
  .object({
    name: safeText().trim().min(1).max(200).describe("Display name"),
    path: apiPathSchema,
    backendUrl: httpUrl.optional(),
    backendUrls: z.array(httpUrl).min(1).max(20).optional(),
    description: safeText().max(10_000).optional(),
    ...specInputFields,
    subscriptionRequired: z.boolean().optional(),
    allowEncodedSlashes: z.boolean().optional().describe("Let %2F and %5C inside path segments reach the backend; off: 400 invalid_path"),
    allowWebSockets: z.boolean().optional().describe("Proxy WebSocket upgrades (key and JWT checks apply to the upgrade); off: 501"),
    jwtRequirements: jwtRequirementsInputSchema.optional(),
    lifecycle: z.enum(apiLifecycles).optional(),
    versionSetId: safeText().min(1).optional().describe("Version set the API joins (with versionName)"),
    versionName: versionNameSchema.optional(),
  })
  .refine((v) => v.backendUrl || v.backendUrls, { message: "backendUrl is required", path: ["backendUrl"] })
  .refine(...exactlyOneSpec);

export type CreateApiInput = z.infer<typeof createApiInputSchema>;

export const operationSchema = z
  .object({
    id: z.string(),
    operationId: z.string().nullable().describe("May be missing or duplicated in real specs"),
    method: z.string(),
    path: z.string(),
    summary: z.string(),
    tags: z.array(z.string()),
  })
  .meta({ id: "Operation" });

export const apiResourceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    path: z.string().describe("Base path on the gateway"),
    backendUrls: z.array(z.string()).describe("Empty for developers: backends are internal hosts"),
    ...apiBackendsResourceFields,
    lifecycle: z.enum(apiLifecycles),
    subscriptionRequired: z.boolean(),
    allowEncodedSlashes: z.boolean().describe("%2F and %5C inside path segments reach the backend"),
    allowWebSockets: z.boolean().describe("The gateway proxies WebSocket upgrades"),
    subscriptionKeyHeader: z.string().describe("Header carrying the subscription key"),
    subscriptionKeyQuery: z.string().describe("Query parameter carrying the key when the header is absent"),
    jwtRequirements: jwtRequirementsSchema.nullable().describe("Bearer-token validation at the gateway; null: none"),
    ...apiTlsResourceFields,
    ...requestRuleResourceFields,
    ...identityRuleResourceFields,
    ...limitResourceFields,
    operationCount: z.number().int(),
    lint: lintSummarySchema.nullable().describe("Counts of the current revision (problems at /apis/{id}/lint); null: no report stored"),
    currentRevision: z
      .object({
        id: z.string(),
        number: z.number().int(),
        title: z.string(),
        version: z.string(),
        specVersion: z.string(),
        sourceFormat: z.string(),
        createdAt: isoDate(),
      })
      .nullable(),
    versionSet: z
      .object({ id: z.string(), name: z.string(), scheme: z.enum(versioningSchemes), parameterName: z.string() })
      .nullable()
      .describe("The version set this API is a version of; null: unversioned"),
    versionName: z.string().nullable(),
    ownerId: z.string().nullable().describe("The publisher who owns it; null: created by a platform admin"),
    gatewayPath: z.string().describe("Where clients call it: the path scheme adds the version (orders/v2)"),
    sunsetAt: isoDate().nullable().describe("Sent as the Sunset header while deprecated"),
    operations: z.array(operationSchema).optional().describe("Only on single-API answers"),
    createdAt: isoDate(),
    updatedAt: isoDate(),
  })
  .meta({ id: "Api" });
export type ApiResource = z.infer<typeof apiResourceSchema>;

export const listApisQuerySchema = z.object({
  search: safeText().trim().min(1).max(200).optional().describe("Part of the name or the base path (case-insensitive)"),
  path: safeText()
    .trim()
    .transform((p) => p.replace(/^\/+/, ""))
    .pipe(z.string().min(1).max(200))
    .optional()
    .describe("Base paths starting with this, e.g. 'orders'"),
  lifecycle: z.enum(apiLifecycles).optional(),
  tag: safeText().trim().min(1).max(200).optional().describe("APIs with an operation of the current revision carrying this tag"),
  ...pageQueryFields,
});
export type ListApisQuery = z.infer<typeof listApisQuerySchema>;

export const apiPageSchema = pageOf(apiResourceSchema, "ApiPage", "By name, then id");

export const importedApiSchema = apiResourceSchema.extend({ lint: lintSummarySchema }).meta({ id: "ImportedApi" });
export type ImportedApi = z.infer<typeof importedApiSchema>;

/** What toApiResource needs without operations: the set and the current revision's counts. */
export const apiResourceInclude = {
  versionSet: true,
  // Never the spec: toApiResource does not read it, and a large API's document is megabytes.
  revisions: { where: { isCurrent: true }, omit: { spec: true }, include: { _count: { select: { operations: true } } } },
} satisfies Prisma.ApiInclude;

type ApiWithRevision = Api & {
  versionSet: ApiVersionSet | null;
  // The big JSON columns are optional: callers may omit them (toApiResource never reads the spec).
  revisions: (Omit<ApiRevision, "spec" | "lintReport"> & Partial<Pick<ApiRevision, "spec" | "lintReport">> & { _count?: { operations: number }; operations?: Operation[] })[];
};

export function toApiResource(api: ApiWithRevision, opts: { withOperations?: boolean } = {}): ApiResource {
  const current = api.revisions.find((r) => r.isCurrent) ?? null;
  const operations = current?.operations ?? [];
  return {
    id: api.id,
    name: api.name,
    description: api.description,
    path: api.path,
    backendUrls: api.backendUrls,
    ...readApiBackends(api),
    lifecycle: api.lifecycle.toLowerCase() as ApiLifecycleName,
    subscriptionRequired: api.subscriptionRequired,
    allowEncodedSlashes: api.allowEncodedSlashes,
    allowWebSockets: api.allowWebSockets,
    subscriptionKeyHeader: api.subscriptionKeyHeader,
    subscriptionKeyQuery: api.subscriptionKeyQuery,
    jwtRequirements: readJwtRequirements(api.jwtRequirements),
    ...readApiTls(api.tlsSettings),
    ...readRequestRules(readScopePolicy(api.policy)),
    ...readIdentityRules(readScopePolicy(api.policy)),
    ...readLimits(readScopePolicy(api.policy)),
    operationCount: current?._count?.operations ?? operations.length,
    lint: storedLintCounts(current?.lintReport),
    currentRevision: current
      ? {
          id: current.id,
          number: current.number,
          title: current.title,
          version: current.version,
          specVersion: current.specVersion,
          sourceFormat: current.sourceFormat,
          createdAt: current.createdAt.toISOString(),
        }
      : null,
    versionSet: api.versionSet && {
      id: api.versionSet.id,
      name: api.versionSet.name,
      scheme: api.versionSet.scheme.toLowerCase() as VersioningSchemeName,
      parameterName: api.versionSet.parameterName,
    },
    versionName: api.versionName,
    ownerId: api.ownerId,
    gatewayPath: gatewayPathOf(api, api.versionSet?.scheme),
    sunsetAt: api.sunsetAt?.toISOString() ?? null,
    ...(opts.withOperations
      ? {
          operations: operations.map((o) => ({
            id: o.id,
            operationId: o.operationId,
            method: o.method,
            path: o.path,
            summary: o.summary,
            tags: o.tags,
          })),
        }
      : {}),
    createdAt: api.createdAt.toISOString(),
    updatedAt: api.updatedAt.toISOString(),
  };
}
