// Publishes one change to every gateway as a delta: the version is allocated under the version
// lock in a short transaction that also reads the changed entities, so the cost of a write
// follows the change, not the catalogue. The delta is added to the deltas log in Redis (a
// sorted set by version, folded into the snapshot by the compactor) and broadcast inline on
// the channel's event stream.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";
import { buildGatewayChanges, distinctRefs, type GatewayChangeRef } from "./build-gateway-delta";
import { allocateConfigVersion, lockConfigVersions } from "./config-version-lock";
import { configDeltaNames, gatewayConfigDeltaSchema, type GatewayConfigDelta } from "./contract";
import { deliverGatewayConfig } from "./delivery/deliver-gateway-config";
import { configEventsProducer, fullSnapshotAttempt } from "./publish-gateway-config";
import { storedConfigFloor } from "./stored-snapshot-version";

export type { GatewayChangeRef } from "./build-gateway-delta";

/** More changes than this travel as a full snapshot: a delta that large saves nothing. */
export const MAX_DELTA_CHANGES = 1_000;

/** Short: it only waits for the lock and reads a few rows by id. */
const DELTA_TRANSACTION = { timeout: 15_000, maxWait: 15_000 } as const;

/** Redis holds a newer version than this database (restored or reset): only a snapshot sets things straight. */
class DatabaseBehindRedis extends Error {}

/**
 * Null: send a full snapshot instead, because a delta would help no gateway: Redis holds no
 * snapshot to apply it to (it restarted empty), or the database is behind Redis. Allocates the
 * next version and reads the changed entities under the lock.
 */
export async function buildNextDelta(reason: string, refs: readonly GatewayChangeRef[]): Promise<GatewayConfigDelta | null> {
  const { snapshot, floor } = await storedConfigFloor();
  if (snapshot === 0) return null;
  try {
    return await db().$transaction(async (tx) => {
      await lockConfigVersions(tx);
      // Read after the lock: a higher version always reflects newer data.
      const changes = await buildGatewayChanges(tx, refs);
      const checksum = createHash("sha256").update(JSON.stringify(changes)).digest("hex");
      const { version, previous } = await allocateConfigVersion(tx, { reason, checksum, floor });
      if (previous < floor) throw new DatabaseBehindRedis();
      return gatewayConfigDeltaSchema.parse({ version, generatedAt: new Date().toISOString(), reason: reason.slice(0, 500), changes });
    }, DELTA_TRANSACTION);
  } catch (err) {
    if (err instanceof DatabaseBehindRedis) return null;
    throw err;
  }
}

/** Adds the delta to the log gateways catch up from, then broadcasts it. */
export async function announceDelta(delta: GatewayConfigDelta): Promise<void> {
  const names = configDeltaNames(env().CONFIG_CHANNEL_PREFIX);
  const json = JSON.stringify(delta);
  await redis().zadd(names.deltasKey, delta.version, json);
  await configEventsProducer().publishEvent({ eventName: names.deltaEventName, version: String(delta.version), delta: json }, 1000);
}

/**
 * Call after the change is committed. Never fails the caller: a delta that cannot be built or
 * stored is retried as a full snapshot by the delivery guarantee (lib/config-channel/delivery/).
 * Resolves with the version stored, or null when this attempt failed.
 */
export async function publishGatewayChange(reason: string, refs: readonly GatewayChangeRef[]): Promise<number | null> {
  const changes = distinctRefs(refs);
  const snapshot = fullSnapshotAttempt(reason);
  if (changes.length === 0) return null;
  if (changes.length > MAX_DELTA_CHANGES) return deliverGatewayConfig(reason, snapshot);
  return deliverGatewayConfig(
    reason,
    async () => {
      const delta = await buildNextDelta(reason, changes);
      if (!delta) return snapshot();
      await announceDelta(delta);
      return delta.version;
    },
    { retry: fullSnapshotAttempt(`retry: ${reason}`) },
  );
}
