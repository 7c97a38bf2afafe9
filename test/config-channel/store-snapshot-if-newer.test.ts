// The console's side of the config channel: the atomic "store only if newer"
// that every publish (the console's and the gateway tests') goes through.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { makeApi, makeSnapshot } from "@/gateway-worker/test/helpers/snapshots";
import { configChannelNames, type GatewayConfigSnapshot } from "@/lib/config-channel/contract";
import { storeSnapshotIfNewer } from "@/lib/config-channel/store-snapshot";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

describe("storeSnapshotIfNewer", () => {
  const names = configChannelNames(`gw-contract-${randomUUID()}`);
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  afterAll(async () => {
    await redis.del(names.latestKey);
    await redis.quit();
  });
  const storedVersion = async () => (JSON.parse((await redis.get(names.latestKey)) ?? "null") as GatewayConfigSnapshot | null)?.version;

  it("stores only strictly newer versions", async () => {
    expect(await storeSnapshotIfNewer(redis, names, makeSnapshot({ version: 5 }))).toBe(true);
    expect(await storeSnapshotIfNewer(redis, names, makeSnapshot({ version: 5 }))).toBe(false);
    expect(await storeSnapshotIfNewer(redis, names, makeSnapshot({ version: 3 }))).toBe(false);
    expect(await storedVersion()).toBe(5);
    expect(await storeSnapshotIfNewer(redis, names, makeSnapshot({ version: 6 }))).toBe(true);
    expect(await storedVersion()).toBe(6);
  });

  it("is atomic under concurrent publishers: the highest version ends up stored", async () => {
    await redis.del(names.latestKey);
    const versions = Array.from({ length: 30 }, (_, i) => 100 + ((i * 7) % 30));
    await Promise.all(versions.map((version) => storeSnapshotIfNewer(redis, names, makeSnapshot({ version }))));
    expect(await storedVersion()).toBe(129);
  });

  it("replaces an undecodable stored value", async () => {
    await redis.set(names.latestKey, "{corrupt");
    expect(await storeSnapshotIfNewer(redis, names, makeSnapshot({ version: 1 }))).toBe(true);
  });

  it("refuses to store an invalid snapshot", async () => {
    await expect(storeSnapshotIfNewer(redis, names, makeSnapshot({ version: 999, apis: [makeApi({ path: "/bad" })] }))).rejects.toThrow();
    expect(await storedVersion()).toBe(1);
  });
});
