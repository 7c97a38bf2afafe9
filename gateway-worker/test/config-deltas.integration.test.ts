// Deltas over real Redis, as the console sends them (ZADD to the deltas set, then
// the `config-delta` event with the delta inline): applied in order by a running
// gateway, gaps filled from the set, resync from the snapshot when the set cannot
// fill one, bad deltas refused, and no request failing while deltas stream in.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configChannelNames, type GatewayApi, type GatewayConfigSnapshot } from "../src/contract/config-snapshot";
import { hashSubscriptionKey } from "../src/contract/subscription-key-hash";
import type { Gateway } from "../src/server";
import { getJson, KEY, KEY_HEADER, REDIS_URL, setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { makeDelta, makeProduct, makeSubscription } from "./helpers/snapshots";
import { waitFor } from "./helpers/wait-for";

let fx: Fixture;
let live: { gateway: Gateway; url: string };
let redis: Redis;
const withKey = (key = KEY) => ({ [KEY_HEADER]: key });
const alice = () => makeSubscription({ id: "sub-alice", keys: [KEY] });
const apiOf = (id: string): GatewayApi => fx.snapshot(1).apis.find((a) => a.id === id)!;
/** Stored behind the gateways' backs (no event), as a compaction some gateways missed would be. */
const storeSnapshotSilently = (snapshot: GatewayConfigSnapshot) => redis.set(configChannelNames(fx.prefix).latestKey, JSON.stringify(snapshot));
const status = async (url: string, key?: string) => {
  const res = await getJson(url, key ? withKey(key) : {});
  return [res.status, res.body?.error?.code ?? null];
};

beforeAll(async () => {
  fx = await setUpFixture("deltas");
  redis = new Redis(REDIS_URL);
  expect(await fx.publisher.publish(fx.snapshot(1))).toBe(true);
  live = await fx.startGateway(); // poll: 60 s, so only events explain quick updates
});
afterAll(async () => {
  await redis?.quit();
  await fx?.teardown();
});

describe("deltas over the channel", () => {
  it("a running gateway applies each delta from its event: a removed subscription's key is refused, an added one accepted", async () => {
    await fx.publisher.publishDelta(makeDelta(2, { kind: "subscription.removed", id: "sub-alice", keyHashes: alice().keyHashes }));
    await waitFor(async () => expect(await status(`${live.url}/demo/ok`, KEY)).toEqual([401, "invalid_subscription_key"]));
    expect(live.gateway.currentVersion()).toBe(2);
    await fx.publisher.publishDelta(makeDelta(3, { kind: "subscription.upserted", subscription: alice() }));
    await waitFor(async () => expect(await status(`${live.url}/demo/ok`, KEY)).toEqual([200, null]));
    expect(live.gateway.currentVersion()).toBe(3);
    expect(fx.logLines.some((l) => l.includes('"version":3') && l.includes("subscription.upserted"))).toBe(true);
  });

  it("fills a gap from the deltas set when an event was missed", async () => {
    const bob = makeSubscription({ id: "sub-bob", keys: ["bob-key-0123456789"] });
    await fx.publisher.publishDelta(makeDelta(4, { kind: "subscription.upserted", subscription: bob }), { announce: false });
    await fx.publisher.publishDelta(makeDelta(5, { kind: "api.upserted", api: { ...apiOf("api-lb"), name: "Load balanced" } }));
    await waitFor(async () => expect(live.gateway.currentVersion()).toBe(5));
    expect(await status(`${live.url}/demo/ok`, "bob-key-0123456789")).toEqual([200, null]);
  });

  it("resyncs from the snapshot when the set cannot fill the gap, then applies the deltas after it", async () => {
    await storeSnapshotSilently(fx.snapshot(7, { withAlice: false })); // versions 6 and 7 never travel as deltas
    const carol = makeSubscription({ id: "sub-carol", keys: ["carol-key-0123456789"] });
    await fx.publisher.publishDelta(makeDelta(8, { kind: "subscription.upserted", subscription: carol }));
    await waitFor(async () => expect(live.gateway.currentVersion()).toBe(8));
    expect(await status(`${live.url}/demo/ok`, KEY)).toEqual([401, "invalid_subscription_key"]); // from snapshot 7
    expect(await status(`${live.url}/demo/ok`, "carol-key-0123456789")).toEqual([200, null]); // delta 8 on top
    expect(await status(`${live.url}/demo/ok`, "bob-key-0123456789")).toEqual([401, "invalid_subscription_key"]);
  });

  it("refuses a bad delta, keeps serving, and resyncs from the snapshot", async () => {
    await storeSnapshotSilently(fx.snapshot(9)); // alice back
    // Valid in shape, but the key belongs to another subscription: the whole delta is refused.
    const mallory = makeSubscription({ id: "sub-mallory", keys: ["carol-key-0123456789"] });
    await fx.publisher.publishDelta(makeDelta(9, { kind: "subscription.upserted", subscription: mallory }));
    await waitFor(async () => expect(live.gateway.currentVersion()).toBe(9));
    expect(fx.logLines.some((l) => l.includes("config delta could not be applied"))).toBe(true);
    expect(await status(`${live.url}/demo/ok`, KEY)).toEqual([200, null]);
    expect(await status(`${live.url}/demo/ok`, "carol-key-0123456789")).toEqual([401, "invalid_subscription_key"]);
  });

  it("never applies an older snapshot or delta over newer state", async () => {
    const polling = await fx.startGateway({ pollIntervalMs: 100 });
    expect(polling.gateway.currentVersion()).toBe(9);
    await fx.publisher.publishRaw(JSON.stringify(fx.snapshot(4, { withAlice: false })), 4);
    await fx.publisher.publishDelta(makeDelta(6, { kind: "subscription.removed", id: "sub-alice", keyHashes: [hashSubscriptionKey(KEY)] }));
    await new Promise((resolve) => setTimeout(resolve, 500)); // several polls and both events
    for (const g of [live, polling]) {
      expect(g.gateway.currentVersion()).toBe(9);
      expect(await status(`${g.url}/demo/ok`, KEY)).toEqual([200, null]);
    }
    await storeSnapshotSilently(fx.snapshot(9));
    await polling.gateway.close(0);
  });

  it("a gateway started later has the snapshot plus every delta after it", async () => {
    await fx.publisher.publishDelta(makeDelta(10, { kind: "api.upserted", api: { ...apiOf("api-demo"), path: "demo2" } }));
    await waitFor(async () => expect(live.gateway.currentVersion()).toBe(10));
    const late = await fx.startGateway();
    expect(late.gateway.currentVersion()).toBe(10);
    expect(await status(`${late.url}/demo2/ok`, KEY)).toEqual([200, null]);
    expect(await status(`${late.url}/demo/ok`, KEY)).toEqual([404, "route_not_found"]);
    await late.gateway.close(0);
  });

  it("the poll catches up with deltas whose events were missed", async () => {
    const polling = await fx.startGateway({ pollIntervalMs: 200 });
    await fx.publisher.publishDelta(makeDelta(11, { kind: "api.upserted", api: { ...apiOf("api-lb"), name: "LB 11" } }), { announce: false });
    await waitFor(async () => expect(polling.gateway.currentVersion()).toBe(11));
    await polling.gateway.close(0);
  });

  it("answers every call while 150 deltas stream in (API, product and subscription changes)", async () => {
    const versionBefore = live.gateway.currentVersion()!;
    let running = true;
    let answered = 0;
    const failures: string[] = [];
    const client = async () => {
      while (running) {
        try {
          const res = await getJson(`${live.url}/demo2/ok`, withKey());
          answered++;
          if (res.status !== 200) failures.push(`${res.status} ${JSON.stringify(res.body)}`);
        } catch (err) {
          failures.push(`no answer: ${(err as Error).message}`);
        }
      }
    };
    const clients = Array.from({ length: 4 }, client);
    const CHANGES = 150;
    try {
      for (let i = 1; i <= CHANGES; i++) {
        const version = versionBefore + i;
        const change =
          i % 3 === 0
            ? ({ kind: "api.upserted", api: { ...apiOf("api-demo"), path: "demo2", name: `Demo ${i}` } } as const)
            : i % 3 === 1
              ? ({ kind: "product.upserted", product: makeProduct({ apiIds: ["api-demo", "api-legacy", "api-old", "api-down", "api-lb"], name: `Starter ${i}` }) } as const)
              : ({ kind: "subscription.upserted", subscription: makeSubscription({ id: `sub-${i}`, keys: [`key-${i}-0123456789`] }) } as const);
        await fx.publisher.publishDelta(makeDelta(version, change));
      }
      await waitFor(async () => expect(live.gateway.currentVersion()).toBe(versionBefore + CHANGES), 10_000);
    } finally {
      running = false;
      await Promise.all(clients);
    }
    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(CHANGES / 3); // the traffic really overlapped the changes
    expect(await status(`${live.url}/demo2/ok`, "key-149-0123456789")).toEqual([200, null]);
  }, 60_000);
});
