// The product resource: request schemas, response schema, and the function that answers it.
import { z } from "zod";
import { isoDate } from "@/lib/http/iso-date-schema";
import { safeText } from "@/lib/http/safe-text";
import { pageOf, pageQueryFields } from "@/lib/http/cursor-page";
import type { Api, ApiVersionSet, Product, ProductApi } from "@/generated/prisma/client";
import { gatewayPathOf } from "@/lib/apis/version-sets/gateway-path";
import { productPolicyInputSchema, productPolicyResourceSchema } from "@/lib/gateway-policy/product-policy-schemas";
import { readScopePolicy } from "@/lib/gateway-policy/stored-scope-policy";

export const productStates = ["draft", "published"] as const;
export type ProductStateName = (typeof productStates)[number];

export const quotaPeriods = ["hour", "day", "week", "month"] as const;
export type QuotaPeriod = (typeof quotaPeriods)[number];

export const rateLimitSchema = z
  .object({
    calls: z.number().int().positive().describe("Calls allowed per period"),
    periodSeconds: z.number().int().positive().max(86_400).describe("Window length in seconds"),
  })
  .describe("Per-subscription rate limit");

export const quotaSchema = z
  .object({
    calls: z.number().int().positive().nullable().default(null),
    bandwidthBytes: z.number().int().positive().nullable().default(null),
    period: z.enum(quotaPeriods),
  })
  .refine((q) => q.calls !== null || q.bandwidthBytes !== null, "a quota needs calls or bandwidthBytes")
  .describe("Per-subscription quota");

export const createProductInputSchema = z.object({
  name: safeText().trim().min(1).max(200),
  description: safeText().max(10_000).default(""),
  terms: safeText().max(50_000).default(""),
  apiIds: z.array(safeText().min(1)).default([]).describe("APIs the product grants access to"),
  approvalRequired: z.boolean().default(false).describe("Subscriptions wait for an admin's approval"),
  subscriptionsLimit: z.number().int().positive().nullable().default(null).describe("Max subscriptions per developer"),
  state: z.enum(productStates).default("draft"),
  rateLimit: rateLimitSchema.nullable().default(null),
  quota: quotaSchema.nullable().default(null),
});

export type CreateProductInput = z.infer<typeof createProductInputSchema>;

/** PATCH: every field optional; `null` clears a limit, an absent field is left as it is. */
export const updateProductInputSchema = z.object({
  name: safeText().trim().min(1).max(200).optional(),
  description: safeText().max(10_000).optional(),
  terms: safeText().max(50_000).optional().describe("Shown in the portal; developers must accept them to subscribe"),
  state: z.enum(productStates).optional().describe("published: visible in the portal"),
  approvalRequired: z.boolean().optional(),
  subscriptionsLimit: z.number().int().positive().nullable().optional().describe("Max live subscriptions per developer"),
  rateLimit: rateLimitSchema.nullable().optional(),
  quota: quotaSchema.nullable().optional(),
  apiIds: z.array(safeText().min(1)).optional().describe("Replaces the product's APIs"),
  policy: productPolicyInputSchema.optional(),
});

export type UpdateProductInput = z.infer<typeof updateProductInputSchema>;

export const deleteProductQuerySchema = z.object({
  deleteSubscriptions: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true")
    .describe("Cancel the product's live subscriptions instead of refusing with 409"),
});

type ApiOnGateway = Pick<Api, "id" | "name" | "path" | "versionName"> & { versionSet: Pick<ApiVersionSet, "scheme"> | null };
type ProductWithApis = Product & { apis: (ProductApi & { api: ApiOnGateway })[] };

type LimitColumns = Pick<Product, "rateLimitCalls" | "rateLimitPeriodSeconds" | "quotaCalls" | "quotaBandwidthBytes" | "quotaPeriod">;

/** A product's limit columns as the API and the gateway snapshot both describe them. */
export function productLimits(product: LimitColumns) {
  return {
    rateLimit:
      product.rateLimitCalls && product.rateLimitPeriodSeconds
        ? { calls: product.rateLimitCalls, periodSeconds: product.rateLimitPeriodSeconds }
        : null,
    quota: product.quotaPeriod
      ? {
          calls: product.quotaCalls,
          bandwidthBytes: product.quotaBandwidthBytes === null ? null : Number(product.quotaBandwidthBytes),
          period: product.quotaPeriod.toLowerCase() as QuotaPeriod,
        }
      : null,
  };
}

export const productResourceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    terms: z.string(),
    state: z.enum(productStates),
    approvalRequired: z.boolean(),
    subscriptionsLimit: z.number().int().nullable(),
    rateLimit: rateLimitSchema.nullable(),
    quota: quotaSchema.nullable(),
    apis: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        path: z.string(),
        gatewayPath: z.string().describe("Where clients call it (a path-scheme version adds a segment)"),
      }),
    ),
    ownerId: z.string().nullable().describe("The publisher who manages it; null: platform admins only"),
    policy: productPolicyResourceSchema,
    createdAt: isoDate(),
    updatedAt: isoDate(),
  })
  .meta({ id: "Product" });
export type ProductResource = z.infer<typeof productResourceSchema>;

export const listProductsQuerySchema = z.object({
  search: safeText().trim().min(1).max(200).optional().describe("Part of the name (case-insensitive)"),
  state: z.enum(productStates).optional().describe("Developers only ever see published products"),
  ...pageQueryFields,
});
export type ListProductsQuery = z.infer<typeof listProductsQuerySchema>;

export const productPageSchema = pageOf(productResourceSchema, "ProductPage", "By name");

export const deletedProductSchema = z.object({ id: z.string(), deleted: z.literal(true), cancelledSubscriptions: z.number().int() });

export function toProductResource(product: ProductWithApis): ProductResource {
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    terms: product.terms,
    state: product.state.toLowerCase() as ProductStateName,
    approvalRequired: product.approvalRequired,
    subscriptionsLimit: product.subscriptionsLimit,
    ...productLimits(product),
    apis: product.apis.map(({ api }) => ({ id: api.id, name: api.name, path: api.path, gatewayPath: gatewayPathOf(api, api.versionSet?.scheme) })),
    ownerId: product.ownerId,
    policy: readScopePolicy(product.policy),
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}

export const productInclude = {
  apis: { include: { api: { select: { id: true, name: true, path: true, versionName: true, versionSet: { select: { scheme: true } } } } } },
} as const;
