// An attempt stored its snapshot in Redis (or found a newer one there, which holds
// everything it held): record the version, and clear the pending mark if it is ours.
import { db } from "@/lib/db";
import type { DeliveryToken } from "./mark-delivery-pending";

/**
 * Compare-and-clear: the mark is cleared only when no change was marked after this
 * attempt's own mark (`token`), because a change committed during the build may be
 * missing from the snapshot. That change's own publish, a retry or the watchdog
 * delivers it. The failure streak ends either way: this attempt got through.
 */
export async function recordDeliverySuccess(version: number, token: DeliveryToken): Promise<void> {
  await db().$executeRaw`
    UPDATE "GatewayConfigDelivery" SET
      "pendingSince" = CASE WHEN "lastAttemptAt" = ${token}::timestamp THEN NULL ELSE "pendingSince" END,
      "pendingReason" = CASE WHEN "lastAttemptAt" = ${token}::timestamp THEN NULL ELSE "pendingReason" END,
      "deliveredVersion" = GREATEST(COALESCE("deliveredVersion", 0), ${version}::int),
      "deliveredAt" = clock_timestamp() AT TIME ZONE 'UTC',
      "lastError" = NULL,
      "consecutiveFailures" = 0
    WHERE id = 1`;
}
