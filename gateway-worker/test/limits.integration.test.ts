// Rate limits and quotas through real gateways sharing one Redis: exact counts
// across instances, rejected calls consuming nothing, quota answers (429/403)
// with Retry-After, the IETF RateLimit headers (parsed as Structured Fields),
// stacked scopes, limit keys other than the subscription, and bytes quotas.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { parseList, type Item } from "structured-headers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GatewayApi, GatewayConfigSnapshot, GatewayProduct } from "../src/contract/config-snapshot";
import { ADMIT_LUA, PERIOD_BOUNDS_LUA } from "../src/limits/limit-scripts";
import { calendarPeriod } from "../src/contract/limit-counters";
import { KEY_HEADER, REDIS_URL, setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { makeApi, makeProduct, makeSnapshot, makeSubscription } from "./helpers/snapshots";
import { waitFor } from "./helpers/wait-for";

let fx: Fixture;
let gateways: { url: string }[];
let version = 0;

beforeAll(async () => {
  fx = await setUpFixture("limits");
  gateways = [await fx.startGateway(), await fx.startGateway()];
});
afterAll(() => fx?.teardown());

/** Publishes one API with its own product and subscriptions (fresh ids, so counters start empty). */
async function publish(opts: { api?: Partial<GatewayApi>; product?: Partial<GatewayProduct>; subscriptions?: number; defaults?: GatewayConfigSnapshot["defaults"] }) {
  const id = randomUUID().slice(0, 8);
  const path = `lim-${id}`;
  const keys = Array.from({ length: opts.subscriptions ?? 1 }, (_, i) => `key-${id}-${i}-0123456789`);
  const api = makeApi({ id: `api-${id}`, path, backends: [{ url: fx.backend.url, weight: 1 }], ...opts.api });
  const product = makeProduct({ id: `prod-${id}`, apiIds: [api.id], ...opts.product });
  version += 1;
  const snapshot = makeSnapshot({
    version,
    defaults: opts.defaults,
    apis: [api],
    products: [product],
    subscriptions: keys.map((key, i) => makeSubscription({ id: `sub-${id}-${i}`, productId: product.id, keys: [key] })),
  });
  expect(await fx.publisher.publish(snapshot)).toBe(true);
  for (const g of gateways) await waitFor(async () => expect((await fetch(`${g.url}/healthz`).then((r) => r.json())).configVersion).toBe(version));
  return { path, keys, apiId: api.id, productId: product.id };
}

let turn = 0;
/** Round-robins over the gateways, as a load balancer would. */
async function call(path: string, key?: string, headers: Record<string, string> = {}) {
  const gateway = gateways[turn++ % gateways.length];
  const res = await fetch(`${gateway.url}/${path}/x`, { headers: { ...(key ? { [KEY_HEADER]: key } : {}), ...headers } });
  const text = await res.text();
  const body = (text.startsWith("{") ? JSON.parse(text) : {}) as { error?: { code: string } };
  return { status: res.status, headers: res.headers, body };
}

const burst = <T,>(n: number, fn: () => Promise<T>) => Promise.all(Array.from({ length: n }, fn));
const count = (answers: { status: number }[], status: number) => answers.filter((a) => a.status === status).length;

/** RateLimit-Policy or RateLimit as {name: {param: value}}, parsed as a Structured Fields list. */
function parsed(header: string | null): Record<string, Record<string, unknown>> {
  expect(header).not.toBeNull();
  return Object.fromEntries((parseList(header!) as Item[]).map(([name, params]) => [String(name), Object.fromEntries(params)]));
}

describe("rate limits and quotas through the gateway", () => {
  it("sends RateLimit-Policy and RateLimit, one Structured Fields item per limit", async () => {
    const { path, keys } = await publish({
      product: { rateLimit: { calls: 5, periodSeconds: 60 }, quota: { calls: 100, bandwidthBytes: null, period: "day" } },
    });
    const res = await call(path, keys[0]);
    expect(res.status).toBe(200);
    const policy = parsed(res.headers.get("ratelimit-policy"));
    expect(policy).toEqual({ "product-rate": { q: 5, w: 60 }, "product-quota": { q: 100, w: 86400 } });
    const state = parsed(res.headers.get("ratelimit"));
    expect(state["product-rate"].r).toBe(4);
    expect(state["product-quota"].r).toBe(99);
    expect(state["product-rate"].t).toBeGreaterThan(0);
    expect(state["product-rate"].t).toBeLessThanOrEqual(60);
    expect(res.headers.get("x-ratelimit-limit")).toBeNull(); // legacy headers only on request
  });

  it("admits exactly the limit across two gateways, answers 429 rate_limited with Retry-After, and admits again after the window", async () => {
    const { path, keys } = await publish({ product: { rateLimit: { calls: 7, periodSeconds: 2 }, quota: null }, subscriptions: 2 });
    const [a, b] = await Promise.all(keys.map((key) => burst(25, () => call(path, key))));
    for (const answers of [a, b]) {
      expect(count(answers, 200)).toBe(7);
      expect(count(answers, 429)).toBe(18);
      const refused = answers.find((r) => r.status === 429)!;
      expect(refused.headers.get("retry-after")).toMatch(/^[12]$/);
      expect(refused.body.error?.code).toBe("rate_limited");
      expect(parsed(refused.headers.get("ratelimit"))["product-rate"].r).toBe(0);
    }
    // Sustained refused traffic does not keep the window closed (refusals are not counted).
    await waitFor(async () => expect((await call(path, keys[0])).status).toBe(200), 5000, 100);
    const again = await burst(10, () => call(path, keys[0]));
    expect(count(again, 200)).toBeLessThanOrEqual(6);
  });

  it("never lets a call refused by one limit consume another: quota counts only admitted calls", async () => {
    const { path, keys } = await publish({
      product: { rateLimit: { calls: 3, periodSeconds: 2 }, quota: { calls: 5, bandwidthBytes: null, period: "day" } },
    });
    const first = await burst(12, () => call(path, keys[0]));
    expect(count(first, 200)).toBe(3);
    const last = first.filter((r) => r.status === 429).at(-1)!;
    expect(parsed(last.headers.get("ratelimit"))["product-quota"].r).toBe(2); // 9 refusals counted nowhere

    await waitFor(async () => expect((await call(path, keys[0])).status).toBe(200), 5000, 100);
    const second = await burst(12, () => call(path, keys[0]));
    expect(count(second, 200)).toBe(1); // quota 5 = 3 + 1 + 1
    const quotaRefusal = second.find((r) => r.body.error?.code === "quota_exceeded")!;
    expect(quotaRefusal.status).toBe(429);
  });

  it("answers quota_exceeded with 403 when the product says so, Retry-After at the period's end, and legacy headers when the API asks", async () => {
    const { path, keys } = await publish({
      product: { rateLimit: null, quota: { calls: 2, bandwidthBytes: null, period: "hour" }, policy: { quotaExceededStatus: 403 } },
      api: { policy: { legacyRateLimitHeaders: true } },
    });
    expect((await call(path, keys[0])).headers.get("x-ratelimit-remaining")).toBe("1");
    expect((await call(path, keys[0])).status).toBe(200);
    const refused = await call(path, keys[0]);
    expect([refused.status, refused.body.error?.code]).toEqual([403, "quota_exceeded"]);
    const retryAfter = Number(refused.headers.get("retry-after"));
    const reset = parsed(refused.headers.get("ratelimit"))["product-quota"].t;
    // Retry-After is when the hour ends, the same moment RateLimit's t names.
    expect(Math.abs(retryAfter - Number(reset))).toBeLessThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.headers.get("x-ratelimit-limit")).toBe("2");
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
  });

  it("runs a rolling quota from the first call, for its full length", async () => {
    const { path, keys } = await publish({ api: { policy: { quota: { calls: 2, bandwidthBytes: null, period: "day", rolling: true } } } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await call(path, keys[0]));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 429]);
    // A rolling day started with the first call: a day's length (less the calls' own time) remains.
    expect(Number(statuses[2].headers.get("retry-after"))).toBeGreaterThan(86_400 - 60);
    expect(parsed(statuses[0].headers.get("ratelimit-policy"))["api-quota"]).toEqual({ q: 2, w: 86400 });
  });

  it("stacks the product's and the API's limits: a call must pass each", async () => {
    const { path, keys } = await publish({
      product: { rateLimit: { calls: 4, periodSeconds: 60 }, quota: null },
      api: { policy: { rateLimit: { calls: 2, periodSeconds: 60 } } },
      subscriptions: 2,
    });
    const answers = await Promise.all(keys.map((key) => burst(6, () => call(path, key))));
    expect(answers.map((a) => count(a, 200))).toEqual([2, 2]);
    expect(Object.keys(parsed(answers[0][0].headers.get("ratelimit-policy")))).toEqual(["product-rate", "api-rate"]);
  });

  it("limits an API without subscriptions by client IP, and one keyed by a header per header value", async () => {
    const open = await publish({
      api: { subscription: { required: false, header: "Ocp-Apim-Subscription-Key", query: "subscription-key" }, policy: { rateLimit: { calls: 3, periodSeconds: 60 } } },
    });
    expect(count(await burst(8, () => call(open.path)), 200)).toBe(3);

    const byTenant = await publish({
      api: { policy: { rateLimit: { calls: 2, periodSeconds: 60 }, limitKey: { by: "header", header: "X-Tenant" } } },
    });
    const tenants = await Promise.all(["acme", "globex"].map((t) => burst(5, () => call(byTenant.path, byTenant.keys[0], { "x-tenant": t }))));
    expect(tenants.map((a) => count(a, 200))).toEqual([2, 2]);
  });

  it("counts response bytes against a bytes quota and refuses once it is used up", async () => {
    const { path, keys } = await publish({ product: { rateLimit: null, quota: { calls: null, bandwidthBytes: 1000, period: "day" } } });
    const first = await call(path, keys[0]);
    expect(first.status).toBe(200);
    const size = JSON.stringify(first.body).length;
    expect(parsed(first.headers.get("ratelimit-policy"))["product-quota-bytes"]).toEqual({ q: 1000, qu: "content-bytes", w: 86400 });
    // Bytes are counted after each response; keep calling until the quota is used up.
    let refused;
    for (let i = 0; i < Math.ceil(1000 / size) + 3 && !refused; i++) {
      const res = await call(path, keys[0]);
      if (res.status !== 200) refused = res;
    }
    expect(refused?.status).toBe(429);
    expect(parsed(refused!.headers.get("ratelimit"))["product-quota-bytes"].r).toBe(0);
  });

  it("an operation's own limit replaces the API's for that operation only", async () => {
    const { path, keys } = await publish({
      api: {
        policy: { rateLimit: { calls: 5, periodSeconds: 60 } },
        operations: [
          { method: "GET", path: "/x", policy: { rateLimit: { calls: 1, periodSeconds: 60 } } },
          { method: "GET", path: "/y" },
        ],
      },
    });
    expect(count(await burst(4, () => call(path, keys[0])), 200)).toBe(1);
    const y = await Promise.all(Array.from({ length: 7 }, () => fetch(`${gateways[0].url}/${path}/y`, { headers: { [KEY_HEADER]: keys[0] } })));
    expect(y.filter((r) => r.status === 200).length).toBe(5);
  });
});

describe("the limit script's calendar", () => {
  it("computes the same UTC hour, day, ISO week and month bounds as the contract", async () => {
    const redis = new Redis(REDIS_URL);
    try {
      const probe = `${PERIOD_BOUNDS_LUA}\nlocal s, e = period_bounds(ARGV[1], 0, tonumber(ARGV[2]))\nreturn {s, e}`;
      const instants = ["2024-02-29T23:59:59.999Z", "2024-12-31T12:00:00Z", "2025-01-01T00:00:00Z", "2026-03-01T05:00:00Z", "2026-12-02T01:30:00Z", "2027-01-03T23:00:00Z"];
      for (const instant of instants) {
        for (const period of ["hour", "day", "week", "month"] as const) {
          const [start, end] = (await redis.eval(probe, 0, period, String(Date.parse(instant)))) as number[];
          expect({ instant, period, start, end }).toEqual({ instant, period, ...calendarPeriod(period, Date.parse(instant)) });
        }
      }
      expect(ADMIT_LUA).toContain("redis.call('TIME')");
    } finally {
      redis.disconnect();
    }
  });
});
