// The subscription resource: request schemas and response shape (never a key or hash).
import { z } from "zod";
import { isStorableInstant, safeText, TIMESTAMP_PROBLEM } from "@/lib/http/safe-text";
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
  state: z.enum(subscriptionStateNames).optional().describe("Only this state, e.g. submitted for pending approvals"),
  productId: safeText().min(1).optional(),
  apiId: safeText().min(1).optional(),
  userId: safeText().min(1).optional(),
});
export type ListSubscriptionsQuery = z.infer<typeof listSubscriptionsQuerySchema>;

export const regenerateKeyInputSchema = z.object({ key: z.enum(["primary", "secondary"]) });

export type SubscriptionWithRelations = Subscription & {
  product: Pick<Product, "id" | "name"> | null;
  api: (Pick<Api, "id" | "name" | "path" | "versionName"> & { versionSet: Pick<ApiVersionSet, "scheme"> | null }) | null;
  user: Pick<User, "id" | "email" | "name"> | null;
};

export const subscriptionInclude = {
  product: { select: { id: true, name: true } },
  api: { select: { id: true, name: true, path: true, versionName: true, versionSet: { select: { scheme: true } } } },
  user: { select: { id: true, email: true, name: true } },
} as const;

export function toSubscriptionResource(s: SubscriptionWithRelations) {
  return {
    id: s.id,
    name: s.name,
    // A passed expiry reads "expired" even before the sweep has stored it.
    state: effectiveState(s).toLowerCase() as SubscriptionStateName,
    stateComment: s.stateComment,
    scope: s.apiId ? ("api" as const) : ("product" as const),
    product: s.product,
    api: s.api && { id: s.api.id, name: s.api.name, path: s.api.path, gatewayPath: gatewayPathOf(s.api, s.api.versionSet?.scheme) },
    user: s.user,
    expiresAt: s.expiresAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
