// Subscriptions an actor may see, a page at a time: console roles all, developers their
// own; filters for the approval queue (state=submitted) and per product / API / user views.
// Listing never writes: a passed expiry date reads (and filters) as expired here, and the
// expiry job (start-subscription-expiry-job.ts) stores it.
import type { Actor } from "@/lib/iam/actor";
import { isConsoleRole } from "@/lib/iam/roles";
import { db } from "@/lib/db";
import { cursorPage } from "@/lib/http/cursor-page";
import type { Prisma, SubscriptionState } from "@/generated/prisma/client";
import { effectiveStateWhere } from "./subscription-states";
import { subscriptionInclude, toSubscriptionResource, type ListSubscriptionsQuery } from "./subscription-schemas";

// GET /api/v1/subscriptions - newest first (the approval queue oldest first), then id
export async function listSubscriptions(actor: Actor, query: ListSubscriptionsQuery) {
  const now = new Date();
  const direction = query.state === "submitted" ? "asc" : "desc";
  const page = cursorPage<Prisma.SubscriptionWhereInput, Prisma.SubscriptionOrderByWithRelationInput>(query, [
    { field: "createdAt", direction, type: "date" },
  ]);
  const filters: Prisma.SubscriptionWhereInput[] = [
    query.state ? effectiveStateWhere(query.state.toUpperCase() as SubscriptionState, now) : {},
    query.productId ? { productId: query.productId } : {},
    query.apiId ? { apiId: query.apiId } : {},
    query.userId ? { userId: query.userId } : {},
    query.search ? { name: { contains: query.search, mode: "insensitive" } } : {},
    // Developers never see other people's subscriptions, whatever userId they ask for.
    isConsoleRole(actor.role) ? {} : { userId: actor.userId ?? "-" },
  ];
  const rows = await db().subscription.findMany({
    where: { AND: [...filters, page.where] },
    orderBy: page.orderBy,
    take: page.take,
    include: subscriptionInclude,
  });
  return page.answer(rows, (s) => toSubscriptionResource(s, now));
}
