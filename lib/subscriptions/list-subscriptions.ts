// Subscriptions an actor may see: console roles all, developers their own; filters for
// the approval queue (state=submitted) and per product / API / user views.
import type { Actor } from "@/lib/iam/actor";
import { isConsoleRole } from "@/lib/iam/roles";
import { db } from "@/lib/db";
import type { Prisma, SubscriptionState } from "@/generated/prisma/client";
import { expireDueSubscriptions } from "./expire-due-subscriptions";
import { subscriptionInclude, toSubscriptionResource, type ListSubscriptionsQuery } from "./subscription-schemas";

export async function listSubscriptions(actor: Actor, filters: ListSubscriptionsQuery = {}) {
  // Store passed expiry dates first, so the state filter and the badges agree.
  await expireDueSubscriptions();
  const where: Prisma.SubscriptionWhereInput = {
    ...(filters.state && { state: filters.state.toUpperCase() as SubscriptionState }),
    ...(filters.productId && { productId: filters.productId }),
    ...(filters.apiId && { apiId: filters.apiId }),
    ...(filters.userId && { userId: filters.userId }),
  };
  // Developers never see other people's subscriptions, whatever userId they ask for.
  if (!isConsoleRole(actor.role)) where.AND = [{ userId: actor.userId ?? "-" }];

  const subscriptions = await db().subscription.findMany({
    where,
    // The approval queue reads oldest first; everything else newest first.
    orderBy: { createdAt: filters.state === "submitted" ? "asc" : "desc" },
    include: subscriptionInclude,
  });
  return subscriptions.map(toSubscriptionResource);
}
