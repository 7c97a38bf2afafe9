// Which subscription states still hold access, and how an expiry date turns them into "expired".
import type { Prisma, SubscriptionState } from "@/generated/prisma/client";

/** Not terminal: the subscription may still (or again) open its APIs. */
export const LIVE_STATES = ["SUBMITTED", "ACTIVE", "SUSPENDED"] as const satisfies readonly SubscriptionState[];

export function isLiveState(state: SubscriptionState): boolean {
  return (LIVE_STATES as readonly SubscriptionState[]).includes(state);
}

/** Live and not past its expiry date: what the subscription limit and product deletion count. */
export function liveSubscriptionWhere(now = new Date()): Prisma.SubscriptionWhereInput {
  return { state: { in: [...LIVE_STATES] }, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/**
 * Rows whose effective state is `state`: a live row past its expiry date is "expired" in
 * filters and counts too, before the expiry job has stored it.
 */
export function effectiveStateWhere(state: SubscriptionState, now = new Date()): Prisma.SubscriptionWhereInput {
  if (state === "EXPIRED") return { OR: [{ state: "EXPIRED" }, { state: { in: [...LIVE_STATES] }, expiresAt: { lte: now } }] };
  if (!isLiveState(state)) return { state };
  return { state, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/**
 * The state to show and act on. The expiry job (expire-due-subscriptions) makes it real in the
 * database, but between two sweeps a passed expiry date must already read "expired".
 */
export function effectiveState(s: { state: SubscriptionState; expiresAt: Date | null }, now = new Date()): SubscriptionState {
  if (s.expiresAt && s.expiresAt.getTime() <= now.getTime() && isLiveState(s.state)) return "EXPIRED";
  return s.state;
}
