// GET /api/v1/subscriptions - console roles see all, developers their own.
import type { Actor } from "@/lib/auth/actor";
import { isConsoleRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { subscriptionInclude, toSubscriptionResource } from "./subscription-schemas";

export async function listSubscriptions(actor: Actor) {
  const subscriptions = await db().subscription.findMany({
    where: isConsoleRole(actor.role) ? {} : { userId: actor.userId ?? "-" },
    orderBy: { createdAt: "desc" },
    include: subscriptionInclude,
  });
  return subscriptions.map(toSubscriptionResource);
}
