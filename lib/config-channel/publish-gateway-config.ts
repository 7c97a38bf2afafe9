// Publishes the whole catalogue as a new, versioned snapshot to every gateway:
// stored in Redis (cold starts read it) and announced with a BullMQ event.
import { QueueEventsProducer } from "bullmq";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";
import { buildGatewaySnapshot } from "./build-gateway-snapshot";
import { configChannelNames, type GatewayConfigSnapshot } from "./contract";
import { deliverGatewayConfig } from "./delivery/deliver-gateway-config";
import { storedSnapshotVersion } from "./stored-snapshot-version";
import { storeSnapshotIfNewer } from "./store-snapshot";

/** Serialises snapshot builds so a higher version never reflects older data. */
const SNAPSHOT_LOCK_ID = 7_270_001;

/**
 * Prisma's 5 s default failed real publishes under load: waiting for the advisory lock
 * behind other builds counts too, and a large catalogue takes seconds to read. A build
 * that still times out is retried by the delivery guarantee, so this only avoids
 * spurious failures; maxWait bounds the wait for a pooled connection.
 */
const SNAPSHOT_TRANSACTION = { timeout: 60_000, maxWait: 15_000 } as const;

/** `floor`: the version Redis holds, when the caller has just read it. */
export async function buildNextSnapshot(reason: string, floor?: number): Promise<GatewayConfigSnapshot> {
  floor ??= await storedSnapshotVersion();
  return db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SNAPSHOT_LOCK_ID})`);
    // A database restored or reset behind a live Redis would restart at version 1 and
    // every gateway would ignore it as old: continue numbering after what gateways hold.
    await tx.$executeRawUnsafe(
      `SELECT setval(pg_get_serial_sequence('"GatewayConfigRevision"', 'version'), $1::int)
       WHERE $1::int > COALESCE((SELECT MAX(version) FROM "GatewayConfigRevision"), 0)`,
      floor,
    );
    const revision = await tx.gatewayConfigRevision.create({ data: { reason: reason.slice(0, 500), checksum: "" } });
    const snapshot = await buildGatewaySnapshot(tx, revision.version, revision.createdAt);
    const checksum = createHash("sha256").update(JSON.stringify(snapshot)).digest("hex");
    await tx.gatewayConfigRevision.update({ where: { version: revision.version }, data: { checksum } });
    return snapshot;
  }, SNAPSHOT_TRANSACTION);
}

export async function announceSnapshot(snapshot: GatewayConfigSnapshot): Promise<void> {
  const names = configChannelNames(env().CONFIG_CHANNEL_PREFIX);
  await storeSnapshotIfNewer(redis(), names, snapshot);
  await eventsProducer(names).publishEvent({ eventName: names.eventName, version: String(snapshot.version) }, 1000);
}

// One producer per Redis client: creating one per publish would load BullMQ's scripts
// and check the server version every time. A new client (after disconnectRedis) gets a new one.
let current: { client: ReturnType<typeof redis>; producer: QueueEventsProducer } | undefined;

function eventsProducer(names: ReturnType<typeof configChannelNames>): QueueEventsProducer {
  const client = redis();
  if (current?.client !== client) {
    current = { client, producer: new QueueEventsProducer(names.queueName, { connection: client, prefix: names.bullPrefix }) };
  }
  return current.producer;
}

/**
 * Never fails the caller's change: it is committed, and the delivery guarantee keeps
 * it owed to the gateways (retried here, healed by the watchdog) until a snapshot,
 * which is always complete, carries it to Redis.
 */
export async function publishGatewayConfig(reason: string, options: { storedVersion?: number } = {}): Promise<number | null> {
  return deliverGatewayConfig(reason, async () => {
    const snapshot = await buildNextSnapshot(reason, options.storedVersion);
    await announceSnapshot(snapshot);
    return snapshot.version;
  });
}
