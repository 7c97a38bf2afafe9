// Deltas on top of a compiled config: strictly the next version, all or nothing,
// and only what a change affects is prepared again (other routes keep their very
// pipeline objects); a request holding the previous config keeps seeing it.
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { BackendRegistry } from "../src/backends/backend-registry";
import type { RuntimeConfig } from "../src/config/compile-config";
import { ConfigStore } from "../src/config/config-store";
import { ShardedMap } from "../src/config/sharded-map";
import type { GatewayConfigSnapshot } from "../src/contract/config-snapshot";
import { hashSubscriptionKey } from "../src/contract/subscription-key-hash";
import { Pipeline } from "../src/pipeline/pipeline";
import { defaultPolicies } from "../src/policies";
import { makeApi, makeDelta, makeProduct, makeSnapshot, makeSubscription } from "./helpers/snapshots";

const silent = pino({ level: "silent" });
const newStore = () => new ConfigStore({ pipeline: new Pipeline(defaultPolicies), backends: new BackendRegistry({ logger: silent, defaultTimeoutMs: 1000 }) }, silent);

const snapshot = (overrides: Partial<GatewayConfigSnapshot> = {}) =>
  makeSnapshot({
    version: 1,
    apis: [makeApi(), makeApi({ id: "api-other", path: "other" }), makeApi({ id: "api-third", path: "third" })],
    products: [makeProduct({ id: "prod-both", apiIds: ["api-demo", "api-other"] })],
    subscriptions: [
      makeSubscription({ id: "sub-alice", productId: "prod-both", keys: ["alice"] }),
      makeSubscription({ id: "sub-bob", productId: null, apiId: "api-third", keys: ["bob"] }),
    ],
    ...overrides,
  });

function started(overrides: Partial<GatewayConfigSnapshot> = {}) {
  const store = newStore();
  expect(store.offer(JSON.stringify(snapshot(overrides)), "cold-start")).toBe("applied");
  return store;
}

const keyOf = (config: RuntimeConfig | null, key: string) => config?.subscriptionsByKeyHash.get(hashSubscriptionKey(key));
const route = (config: RuntimeConfig | null, path: string) => config?.routes.match(path)?.route;
const admits = (config: RuntimeConfig | null, key: string, apiId: string) => {
  const subscription = keyOf(config, key);
  return subscription !== undefined && config!.covers(subscription, apiId);
};

describe("applying deltas", () => {
  it("applies the next version only: later ones are a gap, earlier ones stale", () => {
    const store = started();
    const carol = makeSubscription({ id: "sub-carol", productId: "prod-both", keys: ["carol"] });
    expect(store.offerDelta(JSON.stringify(makeDelta(3, { kind: "subscription.upserted", subscription: carol })), "event")).toBe("gap");
    expect(keyOf(store.get(), "carol")).toBeUndefined();
    expect(store.offerDelta(JSON.stringify(makeDelta(2, { kind: "subscription.upserted", subscription: carol })), "event")).toBe("applied");
    expect(store.version()).toBe(2);
    expect(admits(store.get(), "carol", "api-other")).toBe(true);
    expect(store.offerDelta(makeDelta(2, { kind: "subscription.removed", id: "sub-carol", keyHashes: carol.keyHashes }), "event")).toBe("stale");
    expect(admits(store.get(), "carol", "api-other")).toBe(true);
    expect(store.get()?.subscriptionCount).toBe(3);
  });

  it("never lets an older or equal snapshot replace the state deltas built", () => {
    const store = started();
    expect(store.offerDelta(makeDelta(2, { kind: "subscription.removed", id: "sub-alice", keyHashes: [] }), "event")).toBe("applied");
    expect(store.offer(JSON.stringify(snapshot({ version: 2 })), "poll")).toBe("stale");
    expect(store.offer(JSON.stringify(snapshot({ version: 1 })), "poll")).toBe("stale");
    expect(keyOf(store.get(), "alice")).toBeUndefined();
    // A newer snapshot does replace it (a resync).
    expect(store.offer(JSON.stringify(snapshot({ version: 3 })), "resync")).toBe("applied");
    expect(admits(store.get(), "alice", "api-demo")).toBe(true);
  });

  it("a removed subscription's key is refused by the new config, and still accepted by the one a running request holds", () => {
    const store = started();
    const before = store.get();
    // Listed in the delta or not, a removed subscription's keys stop resolving with it.
    expect(store.offerDelta(makeDelta(2, { kind: "subscription.removed", id: "sub-alice", keyHashes: [] }), "event")).toBe("applied");
    expect(keyOf(store.get(), "alice")).toBeUndefined();
    expect(store.offerDelta(makeDelta(3, { kind: "subscription.removed", id: "sub-bob", keyHashes: [hashSubscriptionKey("bob")] }), "event")).toBe("applied");
    expect(keyOf(store.get(), "bob")).toBeUndefined();
    expect(store.get()?.subscriptionCount).toBe(0);
    expect(admits(before, "alice", "api-demo")).toBe(true);
    expect(admits(before, "bob", "api-third")).toBe(true);
  });

  it("an upserted subscription that changes its keys drops the old ones, and its state and expiry apply", () => {
    const store = started();
    const renewed = makeSubscription({ id: "sub-alice", productId: "prod-both", keys: ["alice-2"], state: "suspended" });
    expect(store.offerDelta(makeDelta(2, { kind: "subscription.upserted", subscription: renewed }), "event")).toBe("applied");
    expect(keyOf(store.get(), "alice")).toBeUndefined();
    expect(keyOf(store.get(), "alice-2")?.state).toBe("suspended");
  });

  it("an API upsert changes its route and leaves every other API's compiled route and pipeline as they were", () => {
    const store = started();
    const before = store.get()!;
    const other = route(before, "/other/x")!;
    const third = route(before, "/third")!;
    expect(store.offerDelta(makeDelta(2, { kind: "api.upserted", api: makeApi({ path: "demo-v2" }) }), "event")).toBe("applied");
    const after = store.get()!;
    expect(route(after, "/demo-v2/x")?.api.id).toBe("api-demo");
    expect(route(after, "/demo/x")).toBeUndefined();
    expect(route(before, "/demo/x")?.api.id).toBe("api-demo"); // the previous config is untouched
    expect(route(after, "/other/x")).toBe(other);
    expect(route(after, "/other/x")?.pipeline).toBe(other.pipeline);
    expect(route(after, "/third")).toBe(third);
    // Subscriptions were not copied either.
    expect(after.subscriptionsByKeyHash.get(hashSubscriptionKey("alice"))).toBe(before.subscriptionsByKeyHash.get(hashSubscriptionKey("alice")));
  });

  it("an API's fields replaced keep the operations it holds; an API not held yet is left for its own publish", () => {
    const operations = [{ method: "GET", path: "/items/{id}" }];
    const store = started({ apis: [makeApi({ operations }), makeApi({ id: "api-other", path: "other" })] });
    const { operations: _sent, ...fields } = makeApi({ name: "Demo renamed", path: "demo-v2" });
    expect(store.offerDelta(makeDelta(2, { kind: "api.fieldsReplaced", api: fields }), "event")).toBe("applied");
    const renamed = route(store.get(), "/demo-v2/items/1")?.api;
    expect(renamed?.name).toBe("Demo renamed");
    expect(renamed?.operations).toEqual(operations);
    const unknown = { ...fields, id: "api-not-held", path: "not-held" };
    expect(store.offerDelta(makeDelta(3, { kind: "api.fieldsReplaced", api: unknown }), "event")).toBe("applied");
    expect(store.version()).toBe(3);
    expect(route(store.get(), "/not-held/x")).toBeUndefined();
    expect(store.get()?.apiCount).toBe(2);
  });

  it("an API removal takes its route away", () => {
    const store = started();
    expect(store.offerDelta(makeDelta(2, { kind: "api.removed", id: "api-third" }), "event")).toBe("applied");
    expect(route(store.get(), "/third")).toBeUndefined();
    expect(store.get()?.apiCount).toBe(2);
  });

  it("a product change re-prepares the APIs it bundles and bundled, and what its keys cover follows at once", () => {
    const store = started();
    const before = store.get()!;
    const third = route(before, "/third")!;
    const shrunk = makeProduct({ id: "prod-both", apiIds: ["api-demo"], rateLimit: { calls: 5, periodSeconds: 60 } });
    expect(store.offerDelta(makeDelta(2, { kind: "product.upserted", product: shrunk }), "event")).toBe("applied");
    const after = store.get()!;
    expect(admits(after, "alice", "api-demo")).toBe(true);
    expect(admits(after, "alice", "api-other")).toBe(false);
    expect(admits(before, "alice", "api-other")).toBe(true);
    expect(route(after, "/demo")).not.toBe(route(before, "/demo"));
    expect(route(after, "/other")).not.toBe(route(before, "/other")); // it was bundled: its product scopes changed
    expect(route(after, "/third")).toBe(third);
    expect(store.offerDelta(makeDelta(3, { kind: "product.removed", id: "prod-both" }), "event")).toBe("applied");
    expect(admits(store.get(), "alice", "api-demo")).toBe(false); // an unknown product covers nothing
  });

  it.each([
    ["a rename", { name: "Renamed" }, [], ["/demo", "/other"]],
    ["an API added", { apiIds: ["api-demo", "api-other", "api-third"] }, ["/third"], ["/demo", "/other"]],
    ["an API dropped", { apiIds: ["api-demo"] }, ["/other"], ["/demo"]],
    ["new limits", { rateLimit: { calls: 9, periodSeconds: 60 } }, ["/demo", "/other"], ["/third"]],
    ["a new policy", { policy: { onLimiterFailure: "closed" as const } }, ["/demo", "/other"], ["/third"]],
  ])("a product change re-prepares only the APIs it reaches: %s", (_label, change, prepared, kept) => {
    const store = started();
    const before = store.get()!;
    const product = { ...makeProduct({ id: "prod-both", apiIds: ["api-demo", "api-other"] }), ...change };
    expect(store.offerDelta(makeDelta(2, { kind: "product.upserted", product }), "event")).toBe("applied");
    for (const path of prepared) expect(route(store.get(), path), path).not.toBe(route(before, path));
    for (const path of kept) expect(route(store.get(), path), path).toBe(route(before, path));
    expect(store.get()!.failsClosedWithoutLimiter).toBe("policy" in change);
  });

  it("applies a run of deltas in one pass, or one by one up to the one that cannot apply", () => {
    const store = started();
    const before = store.get()!;
    const renames = [2, 3, 4].map((v) => JSON.stringify(makeDelta(v, { kind: "api.upserted", api: makeApi({ name: `Demo ${v}` }) })));
    expect(store.offerDeltas(renames, "poll")).toBe("applied");
    expect(store.version()).toBe(4);
    expect(route(store.get(), "/demo")?.api.name).toBe("Demo 4");
    expect(route(store.get(), "/other")).toBe(route(before, "/other"));

    const clash = makeDelta(6, { kind: "api.upserted", api: makeApi({ id: "api-clash", path: "other" }) }); // a path already taken
    const run = [makeDelta(5, { kind: "subscription.removed", id: "sub-bob", keyHashes: [] }), clash, makeDelta(7, { kind: "api.removed", id: "api-third" })];
    expect(store.offerDeltas(run.map((d) => JSON.stringify(d)), "poll")).toBe("invalid");
    expect(store.version()).toBe(5); // the deltas before the refused one are applied
    expect(store.lastRejected()?.version).toBe(6);
    expect(store.get()?.apiCount).toBe(3);
  });

  it("new workspace defaults re-prepare every API", () => {
    const store = started();
    const before = store.get()!;
    const delta = makeDelta(2, { kind: "defaults.replaced", defaults: { onLimiterFailure: "closed" } });
    expect(store.offerDelta(delta, "event")).toBe("applied");
    expect(store.get()?.failsClosedWithoutLimiter).toBe(true);
    expect(before.failsClosedWithoutLimiter).toBe(false);
    for (const path of ["/demo", "/other", "/third"]) expect(route(store.get(), path)).not.toBe(route(before, path));
  });

  it.each([
    ["not JSON", "{oops"],
    ["schema violation", JSON.stringify({ ...makeDelta(2, { kind: "api.removed", id: "api-demo" }), changes: [{ kind: "api.exploded" }] })],
    ["no changes", JSON.stringify({ ...makeDelta(2, { kind: "api.removed", id: "api-demo" }), changes: [] })],
    [
      "a key hash another subscription owns",
      JSON.stringify(makeDelta(2, { kind: "subscription.upserted", subscription: makeSubscription({ id: "sub-mallory", keys: ["alice"] }) })),
    ],
    [
      // The first change alone would apply: all or nothing.
      "a valid removal, then an API on a taken path",
      JSON.stringify(
        makeDelta(2, { kind: "subscription.removed", id: "sub-alice", keyHashes: [] }, { kind: "api.upserted", api: makeApi({ id: "api-new", path: "other" }) }),
      ),
    ],
  ])("a bad delta (%s) is refused and the old config keeps serving", (_label, raw) => {
    const store = started();
    const before = store.get();
    expect(store.offerDelta(raw, "event")).toBe("invalid");
    expect(store.get()).toBe(before);
    expect(store.version()).toBe(1);
    expect(admits(store.get(), "alice", "api-demo")).toBe(true);
    expect(store.lastRejected()?.error).toMatch(/delta/);
  });

  it("denials from the snapshot and from deltas are looked up per kind, issuer and value; expired ones drop out", () => {
    const issuer = "https://id.example/realms/a";
    const now = Date.now();
    const store = started({
      denials: [
        { kind: "token", issuer, value: "jti-1", expiresAt: new Date(now + 60_000).toISOString() },
        { kind: "token", issuer, value: "jti-old", expiresAt: new Date(now - 1000).toISOString() },
        { kind: "subject", issuer, value: "user-1", expiresAt: null },
      ],
    });
    const config = store.get()!;
    expect(config.isDenied("token", issuer, "jti-1", now)).toBe(true);
    expect(config.isDenied("token", issuer, "jti-1", now + 120_000)).toBe(false);
    expect(config.isDenied("token", issuer, "jti-old", now)).toBe(false);
    expect(config.isDenied("subject", issuer, "user-1", now)).toBe(true);
    expect(config.isDenied("client", issuer, "user-1", now)).toBe(false);
    expect(config.isDenied("subject", "https://other.example", "user-1", now)).toBe(false);

    const client = { kind: "client" as const, issuer, value: "app-1", expiresAt: null };
    expect(store.offerDelta(makeDelta(2, { kind: "denial.upserted", denial: client }, { kind: "denial.removed", denial: { kind: "subject", issuer, value: "user-1" } }), "event")).toBe("applied");
    expect(store.get()!.isDenied("client", issuer, "app-1", now)).toBe(true);
    expect(store.get()!.isDenied("subject", issuer, "user-1", now)).toBe(false);
    expect(config.isDenied("subject", issuer, "user-1", now)).toBe(true);
  });
});

describe("ShardedMap", () => {
  it("shares what a change leaves alone and keeps the old map as it was", () => {
    const base = ShardedMap.from(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i] as const));
    const next = base.with([["k1", undefined], ["k2", 20], ["new", 1]]);
    expect([base.size, next.size]).toEqual([5000, 5000]);
    expect([base.get("k1"), base.get("k2"), base.has("new")]).toEqual([1, 2, false]);
    expect([next.get("k1"), next.get("k2"), next.get("new"), next.get("k4999")]).toEqual([undefined, 20, 1, 4999]);
    expect(base.with([])).toBe(base);
  });
});
