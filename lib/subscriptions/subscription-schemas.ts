// The subscription resource: request schemas and response shape (never a key or hash).
import { z } from "zod";
import type { Api, Product, Subscription, User } from "@/generated/prisma/client";

export const createSubscriptionInputSchema = z.object({
  productId: z.string().min(1).describe("Product the subscription grants access to"),
  name: z.string().trim().min(1).max(200).describe("Display name, e.g. the client application"),
  userId: z.string().min(1).optional().describe("Owner (admins only); defaults to the caller"),
  expiresAt: z.string().datetime().optional().describe("Optional expiry (ISO 8601)"),
});
export type CreateSubscriptionInput = z.infer<typeof createSubscriptionInputSchema>;

export const changeSubscriptionStateInputSchema = z.object({
  state: z.enum(["active", "suspended", "cancelled", "rejected"]),
  comment: z.string().max(2000).optional().describe("Reason shown to the developer"),
});
export type ChangeSubscriptionStateInput = z.infer<typeof changeSubscriptionStateInputSchema>;

export const regenerateKeyInputSchema = z.object({ key: z.enum(["primary", "secondary"]) });

export type SubscriptionWithRelations = Subscription & {
  product: Pick<Product, "id" | "name"> | null;
  api: Pick<Api, "id" | "name"> | null;
  user: Pick<User, "id" | "email" | "name"> | null;
};

export const subscriptionInclude = {
  product: { select: { id: true, name: true } },
  api: { select: { id: true, name: true } },
  user: { select: { id: true, email: true, name: true } },
} as const;

export function toSubscriptionResource(s: SubscriptionWithRelations) {
  return {
    id: s.id,
    name: s.name,
    state: s.state.toLowerCase() as "submitted" | "active" | "suspended" | "rejected" | "cancelled" | "expired",
    stateComment: s.stateComment,
    product: s.product,
    api: s.api,
    user: s.user,
    expiresAt: s.expiresAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
