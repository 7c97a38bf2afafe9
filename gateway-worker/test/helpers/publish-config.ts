// Publishes a snapshot exactly as the console does: store it under latestKey
// (only if newer, atomically), then broadcast `config-published` with
// QueueEventsProducer. Also cleans up everything under the test's prefix.
import { QueueEventsProducer } from "bullmq";
import { Redis } from "ioredis";
import { configChannelNames, type GatewayConfigSnapshot } from "../../src/contract/config-snapshot";
import { storeSnapshotIfNewer } from "../../src/contract/store-snapshot";

export interface ConfigPublisher {
  /** Returns whether the snapshot was newer (and therefore stored and announced). */
  publish(snapshot: GatewayConfigSnapshot): Promise<boolean>;
  /** Bypasses validation to simulate a corrupt or foreign write, then announces `version`. */
  publishRaw(raw: string, version: number): Promise<void>;
  /** Deletes every key under the prefix, then closes both connections. */
  cleanupAndClose(): Promise<void>;
}

export function createConfigPublisher(redisUrl: string, prefix: string): ConfigPublisher {
  const names = configChannelNames(prefix);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const producer = new QueueEventsProducer(names.queueName, { connection: { url: redisUrl }, prefix: names.bullPrefix });
  const announce = (version: number) => producer.publishEvent({ eventName: names.eventName, version });

  return {
    async publish(snapshot) {
      const stored = await storeSnapshotIfNewer(redis, names, snapshot);
      if (stored) await announce(snapshot.version);
      return stored;
    },
    async publishRaw(raw, version) {
      await redis.set(names.latestKey, raw);
      await announce(version);
    },
    async cleanupAndClose() {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 200);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== "0");
      await producer.close();
      await redis.quit();
    },
  };
}
