// The API resource of the management API: request schema and response shape.
import { z } from "zod";
import { safeText } from "@/lib/http/safe-text";
import type { Api, ApiRevision, ApiVersionSet, Operation, Prisma } from "@/generated/prisma/client";
import { storedLintCounts } from "./openapi/lint-report";
import { jwtRequirementsInputSchema, readJwtRequirements } from "./jwt-requirements-schema";
import { exactlyOneSpec, specInputFields } from "./openapi/spec-input-schema";
import { gatewayPathOf } from "./version-sets/gateway-path";
import { versionNameSchema } from "./version-sets/version-set-schemas";

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
      .refine((p) => p.split("/")[0] !== "healthz", "'healthz' is reserved by the gateway"),
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
    lifecycle: z.enum(["draft", "published", "deprecated", "retired"]).optional(),
    versionSetId: safeText().min(1).optional().describe("Version set the API joins (with versionName)"),
    versionName: versionNameSchema.optional(),
  })
  .refine((v) => v.backendUrl || v.backendUrls, { message: "backendUrl is required", path: ["backendUrl"] })
  .refine(...exactlyOneSpec);

export type CreateApiInput = z.infer<typeof createApiInputSchema>;

/** What toApiResource needs without operations: the set and the current revision's counts. */
export const apiResourceInclude = {
  versionSet: true,
  revisions: { where: { isCurrent: true }, include: { _count: { select: { operations: true } } } },
} satisfies Prisma.ApiInclude;

type ApiWithRevision = Api & {
  /** Include it (apiResourceInclude); without it only versionSetId is known. */
  versionSet?: ApiVersionSet | null;
  // The big JSON columns are optional: callers may omit them (toApiResource never reads the spec).
  revisions: (Omit<ApiRevision, "spec" | "lintReport"> & Partial<Pick<ApiRevision, "spec" | "lintReport">> & { _count?: { operations: number }; operations?: Operation[] })[];
};

export function toApiResource(api: ApiWithRevision, opts: { withOperations?: boolean } = {}) {
  const current = api.revisions.find((r) => r.isCurrent) ?? null;
  const operations = current?.operations ?? [];
  return {
    id: api.id,
    name: api.name,
    description: api.description,
    path: api.path,
    backendUrls: api.backendUrls,
    lifecycle: api.lifecycle.toLowerCase(),
    subscriptionRequired: api.subscriptionRequired,
    allowEncodedSlashes: api.allowEncodedSlashes,
    allowWebSockets: api.allowWebSockets,
    subscriptionKeyHeader: api.subscriptionKeyHeader,
    subscriptionKeyQuery: api.subscriptionKeyQuery,
    /** null: the gateway asks for no bearer token. */
    jwtRequirements: readJwtRequirements(api.jwtRequirements),
    operationCount: current?._count?.operations ?? operations.length,
    // Counts only; the problems themselves are at GET /api/v1/apis/{id}/lint.
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
    versionSet: api.versionSet
      ? { id: api.versionSet.id, name: api.versionSet.name, scheme: api.versionSet.scheme.toLowerCase(), parameterName: api.versionSet.parameterName }
      : api.versionSetId
        ? { id: api.versionSetId }
        : null,
    versionName: api.versionName,
    ownerId: api.ownerId,
    /** Where clients call it: the path scheme adds the version ("orders/v2"). */
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

export type ApiResource = ReturnType<typeof toApiResource>;
