// Whose figures a caller may read, and the filters as the tables can serve them. Console
// roles read everything; a developer reads only requests made with their own
// subscriptions: the user filter is forced to their id, so another developer's userId or
// subscriptionId finds nothing (an empty answer, never someone else's figures).
//
// A user filter is answered by the user's subscriptions (subscription_id = ANY(...)): the
// tables are indexed by subscription, not by user (ingestion pays for every index), and a
// developer's figures follow the subscriptions they own now.
import type { AnalyticsFilterInput } from "@/lib/analytics/analytics-schemas";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/iam/actor";
import { isConsoleRole } from "@/lib/iam/roles";
import type { DimensionFilters } from "./analytics-sources";

/** The dimension filters of a query as `actor` may run it; null when the answer can only be empty. */
export async function scopedFilters(actor: Actor, query: AnalyticsFilterInput): Promise<DimensionFilters | null> {
  const filters: DimensionFilters = {};
  if (query.apiId) filters.api = query.apiId;
  if (query.operation) filters.operation = query.operation;
  if (query.productId) filters.product = query.productId;
  if (query.subscriptionId) filters.subscription = query.subscriptionId;
  if (query.gatewayId) filters.gateway = query.gatewayId;
  let userId = query.userId;
  if (!isConsoleRole(actor.role)) {
    if (!actor.userId || (userId && userId !== actor.userId)) return null;
    userId = actor.userId;
  }
  if (!userId) return filters;

  const owned = (await db().subscription.findMany({ where: { userId }, select: { id: true } })).map((s) => s.id);
  if (query.subscriptionId) return owned.includes(query.subscriptionId) ? filters : null;
  return owned.length > 0 ? { ...filters, subscription: owned } : null;
}
