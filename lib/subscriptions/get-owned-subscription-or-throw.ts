// Loads a subscription the actor may see: console roles see all, developers their own.
import type { Actor } from "@/lib/iam/actor";
import { isConsoleRole } from "@/lib/iam/roles";
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { subscriptionInclude } from "./subscription-schemas";

export async function getOwnedSubscriptionOrThrow(id: string, actor: Actor) {
  const subscription = await db().subscription.findUnique({ where: { id }, include: subscriptionInclude });
  // A developer asking for someone else's subscription gets 404, not 403: ids are not confirmed.
  if (!subscription || (!isConsoleRole(actor.role) && !ownsSubscription(actor, subscription))) {
    throw notFound("Subscription", id);
  }
  return subscription;
}

/** A subscription nobody owns (created for no user) belongs to no caller, whatever its token. */
export function ownsSubscription(actor: Actor, subscription: { userId: string | null }): boolean {
  return subscription.userId !== null && subscription.userId === actor.userId;
}
