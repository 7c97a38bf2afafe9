// The compactor folds the deltas into a fresh snapshot off the write path, so a gateway's cold
// start reads one snapshot and few deltas, and trims the deltas log. The snapshot is labelled
// with the newest version committed (it allocates none): it holds exactly what that version and
// the deltas before it hold, so gateways already there ignore it and only those behind take it.
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { redis } from "@/lib/redis";
import { buildGatewaySnapshot } from "./build-gateway-snapshot";
import { newestConfigVersion } from "./config-version-lock";
import { configChannelNames, configDeltaNames, type GatewayConfigSnapshot } from "./contract";
import { configEventsProducer } from "./publish-gateway-config";
import { readAtVersion } from "./read-at-version";
import { storedConfigHead } from "./stored-snapshot-version";
import { storeSnapshotIfNewer } from "./store-snapshot";

export type CompactionResult = { version: number; trimmedThrough: number } | null;

/**
 * Stores a snapshot of the newest version when deltas exist after the stored one, then trims
 * the deltas up to the previous snapshot's version: a gateway a little behind (at or after
 * that snapshot) still catches up from deltas; one further behind resyncs from the new snapshot.
 */
export async function compactGatewayConfig(): Promise<CompactionResult> {
  const before = await storedConfigHead();
  if (before.pendingDeltas === 0) return null;
  const snapshot = await readAtVersion(newestConfigVersion, (tx, newest): Promise<GatewayConfigSnapshot | null> =>
    newest > before.snapshot ? buildGatewaySnapshot(tx, newest, new Date()) : Promise.resolve(null),
  );
  if (!snapshot) return null;
  const prefix = env().CONFIG_CHANNEL_PREFIX;
  const names = configChannelNames(prefix);
  if (await storeSnapshotIfNewer(redis(), names, snapshot)) {
    await configEventsProducer().publishEvent({ eventName: names.eventName, version: String(snapshot.version) }, 1000);
  }
  await redis().zremrangebyscore(configDeltaNames(prefix).deltasKey, "-inf", before.snapshot);
  logger().info({ version: snapshot.version, deltas: before.pendingDeltas, trimmedThrough: before.snapshot }, "gateway config compacted");
  return { version: snapshot.version, trimmedThrough: before.snapshot };
}

export const COMPACT_CHECK_INTERVAL_MS = 5_000;
/** A snapshot at most this old behind the deltas, at rest... */
const COMPACT_AFTER_MS = 30_000;
/** ...or sooner, once this many deltas wait: a cold start then applies at most about as many. */
const COMPACT_AFTER_DELTAS = 1_000;

/** The periodic task's tick: compacts when enough deltas wait or the last compaction is old enough. */
export function compactionTick(now: () => number = Date.now): () => Promise<CompactionResult> {
  let lastCompactedAt = 0;
  return async () => {
    const { pendingDeltas } = await storedConfigHead();
    if (pendingDeltas === 0) return null;
    if (pendingDeltas < COMPACT_AFTER_DELTAS && now() - lastCompactedAt < COMPACT_AFTER_MS) return null;
    const result = await compactGatewayConfig();
    lastCompactedAt = now();
    return result;
  };
}
