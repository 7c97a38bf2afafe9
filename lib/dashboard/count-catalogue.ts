// The console dashboard's numbers, counted by the database (never by loading lists).
// Subscriptions count by effective state: one past its expiresAt is expired already.
import { db } from "@/lib/db";
import type { SubscriptionState } from "@/generated/prisma/client";
import type { SubscriptionStateName } from "@/lib/subscriptions/subscription-schemas";
import { effectiveStateWhere } from "@/lib/subscriptions/subscription-states";

const states: SubscriptionStateName[] = ["submitted", "active", "suspended", "rejected", "cancelled", "expired"];

export type CatalogueCounts = {
  apis: number;
  products: number;
  publishedProducts: number;
  subscriptions: number;
  subscriptionsByState: Record<SubscriptionStateName, number>;
};

export async function countCatalogue(now = new Date()): Promise<CatalogueCounts> {
  const [apis, products, publishedProducts, subscriptions, ...byState] = await Promise.all([
    db().api.count(),
    db().product.count(),
    db().product.count({ where: { state: "PUBLISHED" } }),
    db().subscription.count(),
    ...states.map((state) => db().subscription.count({ where: effectiveStateWhere(state.toUpperCase() as SubscriptionState, now) })),
  ]);
  return {
    apis,
    products,
    publishedProducts,
    subscriptions,
    subscriptionsByState: Object.fromEntries(states.map((state, i) => [state, byState[i]])) as Record<SubscriptionStateName, number>,
  };
}
