// The scheduled side of expiry (started from instrumentation.ts): stores passed expiry
// dates as EXPIRED and tells the gateways, even when nobody opens the console. Until it
// runs, lists, filters and counts already read such a subscription as expired
// (effectiveState / effectiveStateWhere), and the gateway refuses its key by expiresAt.
import { startPeriodicTask } from "@/lib/jobs/start-periodic-task";
import { expireDueSubscriptions } from "./expire-due-subscriptions";

export const SUBSCRIPTION_EXPIRY_INTERVAL_MS = 60_000;

export function startSubscriptionExpiryJob(): void {
  startPeriodicTask({ name: "subscription-expiry", intervalMs: SUBSCRIPTION_EXPIRY_INTERVAL_MS, run: () => expireDueSubscriptions() });
}
