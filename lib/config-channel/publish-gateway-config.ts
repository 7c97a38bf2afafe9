// Publishes the whole catalogue as a new, versioned snapshot to every gateway: stored in Redis
// (cold starts read it) and announced with a BullMQ event. Changes travel as deltas
// (publish-gateway-change.ts); a full snapshot is for start-up, the watchdog, retries and what
// a delta cannot say cheaply.
import { QueueEventsProducer } from "bullmq";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";
import { buildGatewaySnapshot } from "./build-gateway-snapshot";
import { allocateConfigVersion } from "./config-version-lock";
import { configChannelNames, type GatewayConfigSnapshot } from "./contract";
import { deliverGatewayConfig, type PublishAttempt } from "./delivery/deliver-gateway-config";
import { readAtVersion } from "./read-at-version";
import { storedConfigFloor } from "./stored-snapshot-version";
import { storeSnapshotIfNewer } from "./store-snapshot";

/** `floor`: the newest version Redis holds, when the caller has just read it. */
export async function buildNextSnapshot(reason: string, floor?: number): Promise<GatewayConfigSnapshot> {
  floor ??= (await storedConfigFloor()).floor;
  const snapshot = await readAtVersion(
    (tx) => allocateConfigVersion(tx, { reason, checksum: "", floor }),
    (tx, { version }) => buildGatewaySnapshot(tx, version, new Date()),
  );
  const checksum = createHash("sha256").update(JSON.stringify(snapshot)).digest("hex");
  await db().gatewayConfigRevision.update({ where: { version: snapshot.version }, data: { checksum } });
  return snapshot;
}

export async function announceSnapshot(snapshot: GatewayConfigSnapshot): Promise<void> {
  const names = configChannelNames(env().CONFIG_CHANNEL_PREFIX);
  await storeSnapshotIfNewer(redis(), names, snapshot);
  await configEventsProducer().publishEvent({ eventName: names.eventName, version: String(snapshot.version) }, 1000);
}

// One producer per Redis client: creating one per publish would load BullMQ's scripts
// and check the server version every time. A new client (after disconnectRedis) gets a new one.
let current: { client: ReturnType<typeof redis>; producer: QueueEventsProducer } | undefined;

/** The channel's event stream, shared by snapshot and delta announcements. */
export function configEventsProducer(): QueueEventsProducer {
  const names = configChannelNames(env().CONFIG_CHANNEL_PREFIX);
  const client = redis();
  if (current?.client !== client) {
    current = { client, producer: new QueueEventsProducer(names.queueName, { connection: client, prefix: names.bullPrefix }) };
  }
  return current.producer;
}

/** Builds, stores and announces a full snapshot; resolves with its version. */
export function fullSnapshotAttempt(reason: string, storedVersion?: number): PublishAttempt {
  return async () => {
    const snapshot = await buildNextSnapshot(reason, storedVersion);
    await announceSnapshot(snapshot);
    return snapshot.version;
  };
}

/**
 * Never fails the caller's change: it is committed, and the delivery guarantee keeps
 * it owed to the gateways (retried here, healed by the watchdog) until a snapshot,
 * which is always complete, carries it to Redis.
 */
export async function publishGatewayConfig(reason: string, options: { storedVersion?: number } = {}): Promise<number | null> {
  return deliverGatewayConfig(reason, fullSnapshotAttempt(reason, options.storedVersion));
}
