// The contract, compiled: route matching on path-segment boundaries, which
// subscriptions cover which API, and the store's rules for accepting a snapshot.
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { compileConfig, type RuntimeConfig } from "../src/config/compile-config";
import { ConfigStore } from "../src/config/config-store";
import { BackendRegistry } from "../src/backends/backend-registry";
import { gatewayConfigSnapshotSchema, type GatewayConfigSnapshot } from "../src/contract/config-snapshot";
import { Pipeline } from "../src/pipeline/pipeline";
import { defaultPolicies } from "../src/policies";
import { hashSubscriptionKey } from "../src/contract/subscription-key-hash";
import { RouteTable } from "../src/routing/route-table";
import { makeApi, makeProduct, makeSnapshot, makeSubscription } from "./helpers/snapshots";

const compile = (s: GatewayConfigSnapshot) => compileConfig(gatewayConfigSnapshotSchema.parse(s), new Pipeline(defaultPolicies));

describe("route matching", () => {
  const table = new RouteTable([{ path: "demo" }, { path: "demo/v2" }, { path: "v1/orders" }, { path: "a.b~c-d_e" }]);

  it.each([
    ["/demo", "demo", ""],
    ["/demo/", "demo", "/"],
    ["/demo/orders/1", "demo", "/orders/1"],
    ["/demo/v2", "demo/v2", ""], // longest prefix wins
    ["/demo/v2/items", "demo/v2", "/items"],
    ["/demo/v20", "demo", "/v20"], // "v2" only on a segment boundary
    ["/v1/orders/7", "v1/orders", "/7"],
    ["/a.b~c-d_e/x", "a.b~c-d_e", "/x"],
  ])("%s -> %s (rest %j)", (pathname, path, rest) => {
    const match = table.match(pathname);
    expect(match?.route.path).toBe(path);
    expect(match?.rest).toBe(rest);
  });

  it.each(["/demonstration", "/dem", "/", "", "demo", "//demo", "/Demo", "/v1", "/v1/ordersx", "/x/demo"])(
    "%j matches nothing",
    (pathname) => {
      expect(table.match(pathname)).toBeUndefined();
    },
  );

  it("refuses two routes with one path", () => {
    expect(() => new RouteTable([{ path: "demo" }, { path: "demo" }])).toThrow(/share the path/);
  });
});

describe("compileConfig", () => {
  const config: RuntimeConfig = compile(
    makeSnapshot({
      version: 7,
      apis: [makeApi(), makeApi({ id: "api-other", path: "other" })],
      products: [makeProduct({ id: "prod-both", apiIds: ["api-demo", "api-other"] })],
      subscriptions: [
        makeSubscription({ id: "sub-product", productId: "prod-both", keys: ["k1", "k2"] }),
        makeSubscription({ id: "sub-single", productId: null, apiId: "api-other", keys: ["k3"] }),
        makeSubscription({ id: "sub-ghost-product", productId: "prod-missing", keys: ["k4"] }),
      ],
    }),
  );

  it("indexes every key hash of every subscription", () => {
    expect(config.version).toBe(7);
    expect(config.apiCount).toBe(2);
    expect(config.subscriptionsByKeyHash.get(hashSubscriptionKey("k1"))?.id).toBe("sub-product");
    expect(config.subscriptionsByKeyHash.get(hashSubscriptionKey("k2"))?.id).toBe("sub-product");
    expect(config.subscriptionsByKeyHash.get(hashSubscriptionKey("nope"))).toBeUndefined();
  });

  it.each([
    ["k1", ["api-demo", "api-other"]], // via product
    ["k3", ["api-other"]], // single-API subscription
    ["k4", []], // unknown product covers nothing: fail closed
  ])("key %s covers %j", (key, apiIds) => {
    const subscription = config.subscriptionsByKeyHash.get(hashSubscriptionKey(key))!;
    expect(["api-demo", "api-other"].filter((apiId) => config.covers(subscription, apiId))).toEqual(apiIds);
  });

  it("pre-parses backends, base path without trailing slash", () => {
    const c = compile(makeSnapshot({ apis: [makeApi({ backends: [{ url: "http://127.0.0.1:4000/api/", weight: 1 }] })] }));
    expect(c.routes.match("/demo/x")?.route.backends.pick()).toEqual({
      origin: "http://127.0.0.1:4000",
      protocol: "http:",
      basePath: "/api",
      baseQuery: "",
    });
  });
});

describe("ConfigStore.offer", () => {
  const newStore = () =>
    new ConfigStore({ pipeline: new Pipeline(defaultPolicies), backends: new BackendRegistry({ logger: pino({ level: "silent" }), defaultTimeoutMs: 1000 }) }, pino({ level: "silent" }));
  const raw = (overrides: Partial<GatewayConfigSnapshot>) => JSON.stringify(makeSnapshot(overrides));

  it.each([
    ["not JSON", "{oops", "invalid"],
    ["schema violation", JSON.stringify({ version: 6, apis: "nope" }), "invalid"],
    ["duplicate API path", raw({ version: 6, apis: [makeApi(), makeApi({ id: "api-2" })] }), "invalid"],
    ["non-http backend", raw({ version: 6, apis: [makeApi({ backends: [{ url: "ftp://x", weight: 1 }] })] }), "invalid"],
    ["older version", raw({ version: 4 }), "stale"],
    ["same version", raw({ version: 5, apis: [] }), "stale"],
    ["newer version", raw({ version: 6, apis: [] }), "applied"],
  ])("%s -> %s, and the current config stays valid", (_label, candidate, expected) => {
    const store = newStore();
    expect(store.offer(raw({ version: 5 }), "cold-start")).toBe("applied");
    expect(store.offer(candidate, "event")).toBe(expected);
    expect(store.version()).toBe(expected === "applied" ? 6 : 5);
    expect(store.get()?.apiCount).toBe(expected === "applied" ? 0 : 1);
  });

  it("does not re-examine what it already serves or already refused (the poll reads the same value every time)", () => {
    const store = newStore();
    const first = raw({ version: 1 });
    expect(store.offer(first, "cold-start")).toBe("applied");
    expect(store.offer(first, "poll")).toBe("stale");
    const bad = raw({ version: 2, apis: [makeApi(), makeApi({ id: "api-2" })] });
    expect(store.offer(bad, "event")).toBe("invalid");
    expect(store.offer(bad, "poll")).toBe("unchanged");
    expect(store.version()).toBe(1);
  });

  it("starts with no config", () => {
    expect(newStore().get()).toBeNull();
  });
});
