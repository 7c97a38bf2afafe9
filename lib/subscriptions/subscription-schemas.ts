// The subscription resource: request schemas, response schemas (a key only in the answers
// meant to show it, never a hash), and the function that answers a subscription.
import { z } from "zod";
import { isoDate } from "@/lib/http/iso-date-schema";
import { isStorableInstant, safeText, TIMESTAMP_PROBLEM } from "@/lib/http/safe-text";
import { pageOf, pageQueryFields } from "@/lib/http/cursor-page";
import type { Api, ApiVersionSet, Product, Subscription, User } from "@/generated/prisma/client";
import { gatewayPathOf } from "@/lib/apis/version-sets/gateway-path";
import { effectiveState } from "./subscription-states";

const subscriptionStateNames = ["submitted", "active", "suspended", "rejected", "cancelled", "expired"] as const;
export type SubscriptionStateName = (typeof subscriptionStateNames)[number];

export const createSubscriptionInputSchema = z
  .object({
    productId: safeText().min(1).optional().describe("Product the subscription grants access to (or give apiId)"),
    apiId: safeText().min(1).optional().describe("A single API instead of a product (admins and the API's publisher only)"),
    name: safeText().trim().min(1).max(200).describe("Display name, e.g. the client application"),
    userId: safeText().min(1).optional().describe("Owner (admins only); defaults to the caller"),
    expiresAt: z.string().datetime().refine(isStorableInstant, TIMESTAMP_PROBLEM).optional().describe("Optional expiry (ISO 8601); the subscription then becomes expired"),
    acceptTerms: z.boolean().optional().describe("Must be true when a developer subscribes to a product with terms"),
    termsVersion: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional()
      .describe("SHA-256 (hex) of the terms text the developer read; 409 when the product's terms changed since"),
  })
  .refine((v) => (v.productId === undefined) !== (v.apiId === undefined), {
    message: "give exactly one of productId or apiId",
    path: ["productId"],
  });
export type CreateSubscriptionInput = z.infer<typeof createSubscriptionInputSchema>;

export const changeSubscriptionStateInputSchema = z
  .object({
    state: z
      .enum(["active", "suspended", "cancelled", "rejected"])
      .describe("active approves a submitted request or reactivates; rejected needs a comment"),
    comment: safeText().trim().max(2000).optional().describe("Reason shown to the developer (required when rejecting)"),
  })
  .refine((v) => v.state !== "rejected" || (v.comment ?? "").length > 0, {
    message: "a reason (comment) is required when rejecting",
    path: ["comment"],
  });
export type ChangeSubscriptionStateInput = z.infer<typeof changeSubscriptionStateInputSchema>;

export const listSubscriptionsQuerySchema = z.object({
  state: z
    .enum(subscriptionStateNames)
    .optional()
    .describe("Only this (effective) state, e.g. submitted for pending approvals (oldest first); past expiresAt reads expired"),
  productId: safeText().min(1).optional(),
  apiId: safeText().min(1).optional(),
  userId: safeText().min(1).optional().describe("Owner (developers only ever see their own)"),
  search: safeText().trim().min(1).max(200).optional().describe("Part of the name (case-insensitive)"),
  ...pageQueryFields,
});
export type ListSubscriptionsQuery = z.infer<typeof listSubscriptionsQuerySchema>;

export const regenerateKeyInputSchema = z.object({ key: z.enum(["primary", "secondary"]) });

/** The key columns are never part of the resource, so rows without them (Prisma's omit) fit. */
type SubscriptionRow = Omit<Subscription, "primaryKeyHash" | "secondaryKeyHash" | "primaryKeyEncrypted" | "secondaryKeyEncrypted">;

export type SubscriptionWithRelations = SubscriptionRow & {
  product: Pick<Product, "id" | "name"> | null;
  api: (Pick<Api, "id" | "name" | "path" | "versionName"> & { versionSet: Pick<ApiVersionSet, "scheme"> | null }) | null;
  user: Pick<User, "id" | "email" | "name"> | null;
};

export const subscriptionInclude = {
  product: { select: { id: true, name: true } },
  api: { select: { id: true, name: true, path: true, versionName: true, versionSet: { select: { scheme: true } } } },
  user: { select: { id: true, email: true, name: true } },
} as const;

const reference = z.object({ id: z.string(), name: z.string() });

const termsAcceptanceSchema = z
  .object({
    acceptedAt: isoDate(),
    acceptedById: z.string().nullable().describe("The user who accepted them"),
    version: z.string().describe("SHA-256 (hex) of the terms text accepted"),
  })
  .nullable()
  .describe("The product's terms as accepted when subscribing; null: there were none to accept (or an admin subscribed)");

export const subscriptionResourceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    state: z.enum(subscriptionStateNames),
    stateComment: z.string(),
    scope: z.enum(["product", "api"]).describe("api: a subscription to a single API (created by admins)"),
    product: reference.nullable(),
    api: reference
      .extend({ path: z.string(), gatewayPath: z.string().describe("Where clients call it (a path-scheme version adds a segment)") })
      .nullable(),
    user: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
    expiresAt: isoDate().nullable(),
    termsAcceptance: termsAcceptanceSchema,
    createdAt: isoDate(),
    updatedAt: isoDate(),
  })
  .meta({ id: "Subscription" });
export type SubscriptionResource = z.infer<typeof subscriptionResourceSchema>;

export const subscriptionPageSchema = pageOf(
  subscriptionResourceSchema,
  "SubscriptionPage",
  "Newest first (state=submitted: oldest first), then by id",
);

export const subscriptionKeysSchema = z
  .object({ primaryKey: z.string(), secondaryKey: z.string() })
  .meta({ id: "SubscriptionKeys", description: "Secrets: send one as the subscription key header" });
export type SubscriptionKeys = z.infer<typeof subscriptionKeysSchema>;

export const createdSubscriptionSchema = subscriptionResourceSchema
  .extend(subscriptionKeysSchema.shape)
  .meta({ id: "CreatedSubscription", description: "The subscription and its keys, shown once" });
export type CreatedSubscription = z.infer<typeof createdSubscriptionSchema>;

export function toSubscriptionResource(s: SubscriptionWithRelations, now = new Date()): SubscriptionResource {
  return {
    id: s.id,
    name: s.name,
    // A passed expiry reads "expired" even before the expiry job has stored it.
    state: effectiveState(s, now).toLowerCase() as SubscriptionStateName,
    stateComment: s.stateComment,
    scope: s.apiId ? ("api" as const) : ("product" as const),
    product: s.product,
    api: s.api && { id: s.api.id, name: s.api.name, path: s.api.path, gatewayPath: gatewayPathOf(s.api, s.api.versionSet?.scheme) },
    user: s.user,
    expiresAt: s.expiresAt?.toISOString() ?? null,
    termsAcceptance:
      s.termsAcceptedAt && s.termsVersion
        ? { acceptedAt: s.termsAcceptedAt.toISOString(), acceptedById: s.termsAcceptedById, version: s.termsVersion }
        : null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export const subscriptionDetailSchema = subscriptionResourceSchema
  .extend({
    apis: z
      .array(z.object({ id: z.string(), name: z.string(), gatewayPath: z.string().describe("Where clients call it") }))
      .describe("The APIs the subscription opens: its product's (by name), or its single API"),
    acceptedTerms: z.string().nullable().describe("The terms text as accepted (see termsAcceptance); null: none accepted"),
  })
  .meta({ id: "SubscriptionDetail" });
export type SubscriptionDetail = z.infer<typeof subscriptionDetailSchema>;
