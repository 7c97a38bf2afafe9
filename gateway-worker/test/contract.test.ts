// The shared contract: what a snapshot may contain, and the atomic
// "store only if newer" both the console and the tests publish with.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { configChannelNames, gatewayConfigSnapshotSchema, type GatewayConfigSnapshot } from "../src/contract/config-snapshot";
import { storeSnapshotIfNewer } from "../src/contract/store-snapshot";
import { makeApi, makeSnapshot, makeSubscription } from "./helpers/snapshots";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

describe("gatewayConfigSnapshotSchema", () => {
  it.each([
    ["a minimal snapshot", makeSnapshot(), true],
    ["nested API path", makeSnapshot({ apis: [makeApi({ path: "v1/orders" })] }), true],
    ["primary and secondary key equal (same subscription)", makeSnapshot({ subscriptions: [makeSubscription({ keys: ["a", "a"] })] }), true],
    ["leading slash", makeSnapshot({ apis: [makeApi({ path: "/demo" })] }), false],
    ["empty segment", makeSnapshot({ apis: [makeApi({ path: "a//b" })] }), false],
    ["dot-dot segment", makeSnapshot({ apis: [makeApi({ path: "a/../b" })] }), false],
    ["reserved healthz", makeSnapshot({ apis: [makeApi({ path: "healthz" })] }), false],
    ["ftp backend", makeSnapshot({ apis: [makeApi({ backends: [{ url: "ftp://x/y", weight: 1 }] })] }), false],
    ["no backend", makeSnapshot({ apis: [makeApi({ backends: [] })] }), false],
    ["two APIs, one path", makeSnapshot({ apis: [makeApi(), makeApi({ id: "other" })] }), false],
    ["two APIs, one id", makeSnapshot({ apis: [makeApi(), makeApi({ path: "other" })] }), false],
    [
      "one key, two subscriptions",
      makeSnapshot({ subscriptions: [makeSubscription({ keys: ["k"] }), makeSubscription({ id: "sub-2", keys: ["k"] })] }),
      false,
    ],
    ["per-API path and WebSocket switches", makeSnapshot({ apis: [makeApi({ allowEncodedSlashes: true, allowWebSockets: false })] }), true],
    ["a non-boolean switch", makeSnapshot({ apis: [makeApi({ allowWebSockets: "yes" as never })] }), false],
    ["bad key hash", { ...makeSnapshot(), subscriptions: [{ ...makeSubscription(), keyHashes: ["clear-text-key"] }] }, false],
  ])("%s -> valid: %s", (_label, snapshot, valid) => {
    expect(gatewayConfigSnapshotSchema.safeParse(snapshot).success).toBe(valid);
  });

  it("fills in the default key header and query parameter", () => {
    const { subscription: _omitted, ...api } = makeApi();
    const parsed = gatewayConfigSnapshotSchema.parse(makeSnapshot({ apis: [{ ...api, subscription: { required: true } } as never] }));
    expect(parsed.apis[0].subscription).toEqual({ required: true, header: "Ocp-Apim-Subscription-Key", query: "subscription-key" });
  });
});

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
