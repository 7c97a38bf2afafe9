// Heals the config channel: Redis here keeps nothing on disk, and a publish can fail
// while Redis is down, or a console can die between committing a change and publishing
// it. Then Redis holds no snapshot, an older one than the console built, or a change is
// still marked pending long after its publish should have finished: build a fresh one.
// With deltas, "holds" means what a gateway can reach: the snapshot and the consecutive
// deltas after it (a delta that never got there leaves a hole only a snapshot fills).
import { db } from "@/lib/db";
import { publishGatewayConfig } from "./publish-gateway-config";
import { storedConfigHead } from "./stored-snapshot-version";

/**
 * A pending mark this much older than its latest attempt has no publish running for it
 * any more (the console died, or its retries are backing off): one watchdog period.
 * Younger marks belong to a publish still under way, which would only be duplicated.
 */
export const STALE_PENDING_MS = 15_000;

export async function republishIfGatewaysBehind(now = Date.now()): Promise<number | null> {
  const [stored, latest, delivery] = await Promise.all([
    storedConfigHead(),
    db().gatewayConfigRevision.aggregate({ _max: { version: true } }),
    db().gatewayConfigDelivery.findUnique({ where: { id: 1 } }),
  ]);
  const built = latest._max.version ?? 0;
  const attemptedAt = delivery?.lastAttemptAt?.getTime() ?? 0;
  const pending = delivery?.pendingSince != null;
  const stalePending = pending && now - attemptedAt >= STALE_PENDING_MS;
  // A version committed whose delta is still on its way is owed to a publish that is running.
  const inFlight = pending && !stalePending;
  if (stored.snapshot > 0 && (stored.head >= built || inFlight) && !stalePending) return null;
  const reason =
    stored.snapshot === 0
      ? "redis holds no snapshot"
      : stored.head < built
        ? `redis holds v${stored.head}, console built v${built}`
        : `undelivered since ${delivery?.pendingSince?.toISOString()}: ${delivery?.pendingReason ?? "unknown change"}`;
  return publishGatewayConfig(reason);
}
