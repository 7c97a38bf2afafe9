// The API resource of the management API: request schema and response shape.
import { z } from "zod";
import type { Api, ApiRevision, Operation } from "@/generated/prisma/client";

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
    name: z.string().trim().min(1).max(200).describe("Display name"),
    path: apiPathSchema,
    backendUrl: httpUrl.optional(),
    backendUrls: z.array(httpUrl).min(1).max(20).optional(),
    description: z.string().max(10_000).optional(),
    spec: z.string().min(1).max(50 * 1024 * 1024).describe("OpenAPI 3.x document, JSON or YAML text"),
    subscriptionRequired: z.boolean().optional(),
    lifecycle: z.enum(["draft", "published", "deprecated", "retired"]).optional(),
  })
  .refine((v) => v.backendUrl || v.backendUrls, { message: "backendUrl is required", path: ["backendUrl"] });

export type CreateApiInput = z.infer<typeof createApiInputSchema>;

type ApiWithRevision = Api & {
  revisions: (ApiRevision & { _count?: { operations: number }; operations?: Operation[] })[];
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
    subscriptionKeyHeader: api.subscriptionKeyHeader,
    subscriptionKeyQuery: api.subscriptionKeyQuery,
    operationCount: current?._count?.operations ?? operations.length,
    currentRevision: current
      ? { id: current.id, number: current.number, title: current.title, version: current.version, specVersion: current.specVersion }
      : null,
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
