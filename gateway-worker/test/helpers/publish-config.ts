// Publishes a snapshot the way the console does: validate it, store it under
// latestKey (only if newer, atomically), then broadcast `config-published` with
// QueueEventsProducer. Also cleans up everything under the test's prefix.
import { QueueEventsProducer } from "bullmq";
import { Redis } from "ioredis";
import {
  configChannelNames,
  configDeltaNames,
  gatewayConfigDeltaSchema,
  gatewayConfigSnapshotSchema,
  type GatewayConfigDelta,
  type GatewayConfigSnapshot,
} from "../../src/contract/config-snapshot";

/**
 * The console's compare-and-set, restated here because the gateway's package (tests
 * included) imports nothing of the console; test/config-channel/ tests the console's own
 * writer. An undecodable stored value is replaced, as the console does.
 */
const STORE_IF_NEWER_LUA = `
local ok, stored = pcall(cjson.decode, redis.call('GET', KEYS[1]) or 'null')
if ok and type(stored) == 'table' and tonumber(stored['version']) and tonumber(stored['version']) >= tonumber(ARGV[1]) then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2])
return 1
`;

export interface ConfigPublisher {
  /** Returns whether the snapshot was newer (and therefore stored and announced). */
  publish(snapshot: GatewayConfigSnapshot): Promise<boolean>;
  /** Bypasses validation to simulate a corrupt or foreign write, then announces `version`. */
  publishRaw(raw: string, version: number): Promise<void>;
  /**
   * A delta as the console sends one: ZADD to the deltas set (score = version), then the
   * `config-delta` event with the delta inline. `store: false` or `announce: false` leaves
   * out one half (a delta lost from the set, an event missed).
   */
  publishDelta(delta: GatewayConfigDelta, opts?: { store?: boolean; announce?: boolean }): Promise<void>;
  /** Deletes every key under the prefix, then closes both connections. */
  cleanupAndClose(): Promise<void>;
}

export function createConfigPublisher(redisUrl: string, prefix: string): ConfigPublisher {
  const names = configChannelNames(prefix);
  const deltas = configDeltaNames(prefix);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const producer = new QueueEventsProducer(names.queueName, { connection: { url: redisUrl }, prefix: names.bullPrefix });
  const announce = (version: number) => producer.publishEvent({ eventName: names.eventName, version });

  return {
    async publish(snapshot) {
      const valid = gatewayConfigSnapshotSchema.parse(snapshot);
      const stored = Number(await redis.eval(STORE_IF_NEWER_LUA, 1, names.latestKey, String(valid.version), JSON.stringify(valid))) === 1;
      if (stored) await announce(snapshot.version);
      return stored;
    },
    async publishRaw(raw, version) {
      await redis.set(names.latestKey, raw);
      await announce(version);
    },
    async publishDelta(delta, { store = true, announce = true } = {}) {
      const json = JSON.stringify(gatewayConfigDeltaSchema.parse(delta));
      if (store) await redis.zadd(deltas.deltasKey, delta.version, json);
      if (announce) await producer.publishEvent({ eventName: deltas.deltaEventName, version: delta.version, delta: json });
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
