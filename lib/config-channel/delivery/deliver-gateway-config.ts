// The delivery guarantee, apart from how a snapshot is built: every change the
// management API acknowledged is retried until a snapshot holding it is in Redis,
// and a failure is recorded where the gateways page and the metrics read it.
import { logger } from "@/lib/logger";
import { countPublishFailure } from "./config-delivery-metrics";
import { markDeliveryPending } from "./mark-delivery-pending";
import { describeDeliveryError, recordDeliveryFailure } from "./record-delivery-failure";
import { recordDeliverySuccess } from "./record-delivery-success";
import { scheduleDeliveryRetry } from "./schedule-delivery-retry";

const RETRY_PREFIX = "retry: ";

/** Stores a snapshot (or a delta) in Redis and announces it; resolves with its version. */
export type PublishAttempt = () => Promise<number>;

export type DeliveryOptions = {
  /**
   * What a retry does instead of `attempt`: a failed delta is healed by a full snapshot (a delta
   * that never reached Redis leaves a hole in the versions, and only a snapshot newer than it
   * lets a gateway past it). The retry then runs until one gets through, whatever the pending
   * mark says: a later change's delta may clear the mark without carrying this change.
   */
  retry?: PublishAttempt;
};

/**
 * Never fails the caller: its change is committed and acknowledged. Resolves with the
 * version stored, or null when this attempt failed (a retry is then scheduled).
 */
export async function deliverGatewayConfig(reason: string, attempt: PublishAttempt, options: DeliveryOptions = {}): Promise<number | null> {
  let marked = false;
  try {
    // Marked before building, so a crash from here on leaves the change visibly owed.
    const token = await markDeliveryPending(reason);
    marked = true;
    const version = await attempt();
    await recordDeliverySuccess(version, token);
    return version;
  } catch (err) {
    countPublishFailure();
    // The message only: Redis errors carry the command's arguments, here the whole snapshot.
    logger().error({ reason, err: describeDeliveryError(err) }, "publishing gateway config failed");
    const retryReason = reason.startsWith(RETRY_PREFIX) ? reason : `${RETRY_PREFIX}${reason}`;
    const retry = options.retry;
    // A delta's mark may already be cleared by a later change's delta: mark it owed again.
    if (retry) await markDeliveryPending(reason).catch(() => undefined);
    // The database may be what failed; the retry loop records the next failure if so.
    await recordDeliveryFailure(err).catch(() => undefined);
    scheduleDeliveryRetry(async () => (await deliverGatewayConfig(retryReason, retry ?? attempt)) !== null, { unmarked: !marked || retry !== undefined });
    return null;
  }
}
