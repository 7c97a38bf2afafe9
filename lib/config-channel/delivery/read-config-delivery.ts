// What the gateways page, GET /api/v1/config-delivery and the metrics report.
import { db } from "@/lib/db";
import { storedConfigHead } from "../stored-snapshot-version";
import type { ConfigDelivery } from "./config-delivery-schema";

/**
 * The newest version a gateway can reach (the snapshot, then consecutive deltas).
 * Redis down must not hide the rest of the answer: that is when it matters most.
 */
async function storedVersionOrNull(): Promise<number | null> {
  try {
    return (await storedConfigHead()).head;
  } catch {
    return null;
  }
}

export async function readConfigDelivery(): Promise<ConfigDelivery> {
  const [row, latest, storedVersion] = await Promise.all([
    db().gatewayConfigDelivery.findUnique({ where: { id: 1 } }),
    db().gatewayConfigRevision.aggregate({ _max: { version: true } }),
    storedVersionOrNull(),
  ]);
  const latestBuiltVersion = latest._max.version ?? null;
  const pending = row?.pendingSince != null;
  // Redis restarted empty or lost a snapshot: owed too, the watchdog republishes it.
  const redisBehind = storedVersion !== null && latestBuiltVersion !== null && storedVersion < latestBuiltVersion;
  const consecutiveFailures = row?.consecutiveFailures ?? 0;
  return {
    status: pending && consecutiveFailures > 0 ? "failing" : pending || redisBehind ? "pending" : "delivered",
    latestBuiltVersion,
    storedVersion,
    deliveredVersion: row?.deliveredVersion ?? null,
    deliveredAt: row?.deliveredAt?.toISOString() ?? null,
    pendingSince: row?.pendingSince?.toISOString() ?? null,
    pendingReason: row?.pendingReason ?? null,
    lastAttemptAt: row?.lastAttemptAt?.toISOString() ?? null,
    lastError: row?.lastError ?? null,
    consecutiveFailures,
  };
}
