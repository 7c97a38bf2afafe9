// Publishes the whole catalogue as a new, versioned snapshot to every gateway:
// stored in Redis (cold starts read it) and announced with a BullMQ event.
import { QueueEventsProducer } from "bullmq";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";
import { storeSnapshotIfNewer } from "@/gateway-worker/src/contract/store-snapshot";
import { buildGatewaySnapshot } from "./build-gateway-snapshot";
import { configChannelNames, type GatewayConfigSnapshot } from "./contract";

/** Serialises snapshot builds so a higher version never reflects older data. */
const SNAPSHOT_LOCK_ID = 7_270_001;

/** Version of the snapshot in Redis (0 if none): reads it without shipping the whole JSON back. */
export async function storedSnapshotVersion(): Promise<number> {
  const lua = `local v = redis.call('GET', KEYS[1]) if not v then return 0 end
    local ok, d = pcall(cjson.decode, v) if ok and type(d) == 'table' and tonumber(d['version']) then return tonumber(d['version']) end
    return 0`;
  return Number(await redis().eval(lua, 1, configChannelNames(env().CONFIG_CHANNEL_PREFIX).latestKey));
}

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
  });
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
 * Never fails the caller's change: the change is committed, and every snapshot
 * is complete, so the next publish (or the console's start-up publish) carries it.
 */
export async function publishGatewayConfig(reason: string, options: { storedVersion?: number } = {}): Promise<number | null> {
  try {
    const snapshot = await buildNextSnapshot(reason, options.storedVersion);
    await announceSnapshot(snapshot);
    return snapshot.version;
  } catch (err) {
    console.error(`[config-channel] publishing gateway config failed (${reason}):`, err);
    return null;
  }
}
