// Through a real gateway and Redis: every answered request, refusals included and
// probes not, reaches the analytics queue as a record in a batch that a BullMQ
// Worker (standing in for the ingester) takes, with the fields the ingester stores.
// And what is still held when the gateway stops leaves before it is gone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import type { AnalyticsRecord } from "../src/contract/analytics-record";
import type { Gateway } from "../src/server";
import { consumeAnalytics, type AnalyticsConsumer } from "./helpers/analytics-consumer";
import { KEY, KEY_HEADER, REDIS_URL, setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { makeApi, makeProduct, makeSnapshot, makeSubscription } from "./helpers/snapshots";
import { waitFor } from "./helpers/wait-for";

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const USER_AGENT = "analytics-test/1.0 (+records)";
const SETTINGS = { batchSize: 500, flushMs: 100, bufferMax: 5000 };

let fx: Fixture;
let consumer: AnalyticsConsumer;
let live: { gateway: Gateway; url: string };
let startedAt = 0;
let finishedAt = 0;
/** What each client saw, by request id: the status and the body's size. */
const answers = new Map<string, { status: number; bodyBytes: number }>();
const byId = new Map<string, AnalyticsRecord>();

async function call(id: string, path: string, init: RequestInit & { duplex?: "half" } = {}) {
  const headers = { "x-request-id": id, "user-agent": USER_AGENT, ...(init.headers as Record<string, string>) };
  const res = await fetch(`${live.url}${path}`, { ...init, headers });
  answers.set(id, { status: res.status, bodyBytes: (await res.arrayBuffer()).byteLength });
}
/** A WebSocket upgrade: 101 once the tunnel opens, else the refusal's status and body. */
async function upgrade(id: string, path: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(`${live.url.replace("http", "ws")}${path}`, { headers: { "x-request-id": id, "user-agent": USER_AGENT, ...headers } });
  const seen = await new Promise<{ status: number; bodyBytes: number }>((resolve, reject) => {
    ws.once("open", () => resolve({ status: 101, bodyBytes: 0 }));
    ws.once("unexpected-response", (_req, res) => {
      let bodyBytes = 0;
      res.on("data", (chunk: Buffer) => (bodyBytes += chunk.length));
      res.once("end", () => resolve({ status: res.statusCode ?? 0, bodyBytes }));
    });
    ws.once("error", reject);
  });
  ws.terminate();
  answers.set(id, seen);
}
const keyed = { [KEY_HEADER]: KEY };
const chunked = (parts: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });

beforeAll(async () => {
  fx = await setUpFixture("analytics");
  consumer = consumeAnalytics(REDIS_URL, fx.prefix);
  const backends = [{ url: fx.backend.url, weight: 1 }];
  await fx.publisher.publish(
    makeSnapshot({
      apis: [
        makeApi({ id: "api-ops", path: "ops", backends, operations: [{ method: "GET", path: "/orders/{id}" }, { method: "post", path: "/orders" }] }),
        makeApi({ id: "api-down", path: "down" }), // its backend URL has nothing listening
        makeApi({ id: "api-live", path: "live", backends, allowWebSockets: true }),
      ],
      products: [makeProduct({ id: "prod-starter", apiIds: ["api-ops", "api-down", "api-live"] })],
      subscriptions: [makeSubscription({ id: "sub-alice", productId: "prod-starter", keys: [KEY] })],
    }),
  );
  live = await fx.startGateway({ analytics: SETTINGS, instanceId: "gw-analytics" });

  startedAt = Date.now();
  await call("ok-get", "/ops/orders/42", { headers: { ...keyed, traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` } });
  await call("ok-post", "/ops/orders", { method: "POST", headers: keyed, body: "x".repeat(1234) });
  await call("ok-chunked", "/ops/orders", { method: "POST", headers: keyed, body: chunked(["a".repeat(700), "b".repeat(300)]), duplex: "half" });
  await call("key-in-query", `/ops/orders/7?subscription-key=${KEY}`);
  await call("no-key", "/ops/orders", { method: "POST", body: "y".repeat(50) });
  await call("wrong-method", "/ops/orders/42", { method: "DELETE", headers: keyed });
  await call("wrong-key", "/ops/orders/42", { headers: { [KEY_HEADER]: "not-a-key-0123456789" } });
  await call("no-operation", "/ops/nothing-here", { headers: keyed });
  await call("no-api", "/nowhere/at/all");
  await call("backend-down", "/down/x", { headers: keyed });
  await call("probe", "/healthz");
  await upgrade("ws-open", "/live/socket", keyed);
  await upgrade("ws-no-key", "/live/socket");
  finishedAt = Date.now();

  await waitFor(async () => {
    expect(consumer.records().length).toBeGreaterThanOrEqual(answers.size - 1);
  }, 5000);
  for (const record of consumer.records()) byId.set(record.requestId, record);
});

afterAll(async () => {
  await fx?.teardown();
  await consumer?.close();
});

describe("analytics records", () => {
  it("sends one valid batch per flush, under the gateway's instance id, with every request but the probe", () => {
    expect(consumer.invalid).toEqual([]);
    expect(consumer.batches.length).toBeGreaterThanOrEqual(1);
    for (const batch of consumer.batches) expect(batch.gatewayId).toBe("gw-analytics");
    // Redelivered by the queue if an ingester fails it; removed once done, so Redis keeps no second copy.
    expect(consumer.jobOptions[0]).toMatchObject({ attempts: 10, backoff: { type: "exponential" } });
    expect(consumer.jobOptions[0]!.removeOnComplete).toBeTruthy();
    expect([...byId.keys()].sort()).toEqual([...answers.keys()].filter((id) => id !== "probe").sort());
    expect(consumer.records()).toHaveLength(answers.size - 1); // each request recorded once
  });

  const accepted = { subscriptionId: "sub-alice", productId: "prod-starter", apiId: "api-ops", reason: null, errorCode: null };
  const refused = (reason: string, errorCode: string) => ({ reason, errorCode, upstreamMs: null });
  it.each([
    ["ok-get", { ...accepted, method: "GET", path: "/ops/orders/42", operation: "GET /orders/{id}", status: 200, bytesIn: 0, traceId: TRACE_ID }],
    ["ok-post", { ...accepted, method: "POST", path: "/ops/orders", operation: "POST /orders", status: 200, bytesIn: 1234 }],
    ["ok-chunked", { ...accepted, operation: "POST /orders", status: 200, bytesIn: 1000 }],
    ["key-in-query", { ...accepted, path: "/ops/orders/7", operation: "GET /orders/{id}", status: 200 }],
    // Operations are matched before the key is checked, so a refused call still has its operation.
    ["no-key", { ...refused("key", "missing_subscription_key"), status: 401, apiId: "api-ops", operation: "POST /orders", subscriptionId: null, productId: null, bytesIn: 50 }],
    ["wrong-key", { ...refused("key", "invalid_subscription_key"), status: 401, operation: "GET /orders/{id}", subscriptionId: null }],
    ["wrong-method", { ...refused("method", "method_not_allowed"), status: 405, operation: null }],
    ["no-operation", { ...refused("route", "operation_not_found"), status: 404, apiId: "api-ops", operation: null, subscriptionId: null }],
    ["no-api", { ...refused("route", "route_not_found"), status: 404, apiId: null, operation: null, path: "/nowhere/at/all" }],
    ["ws-open", { ...accepted, apiId: "api-live", method: "GET", path: "/live/socket", operation: null, status: 101, upstreamMs: null }],
    ["ws-no-key", { ...refused("key", "missing_subscription_key"), apiId: "api-live", status: 401, subscriptionId: null }],
    ["backend-down", { ...refused("backend", "backend_unavailable"), status: 502, apiId: "api-down", subscriptionId: "sub-alice", productId: "prod-starter" }],
  ] as const)("records %s", (id, expected) => {
    const record = byId.get(id)!;
    expect(record).toMatchObject(expected);
    const seen = answers.get(id)!;
    expect(record.status).toBe(seen.status);
    expect(record.bytesOut).toBe(seen.bodyBytes);
    expect(record.t).toBeGreaterThanOrEqual(startedAt);
    expect(record.t).toBeLessThanOrEqual(finishedAt);
    expect(record.latencyMs).toBeGreaterThan(0);
    expect(record.clientIp).toBe("127.0.0.1");
    expect(record.userAgent).toBe(USER_AGENT);
    expect(record.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("times the backend of forwarded calls, within the total", () => {
    for (const id of ["ok-get", "ok-post", "ok-chunked", "key-in-query"]) {
      const { upstreamMs, latencyMs } = byId.get(id)!;
      expect(upstreamMs).toBeGreaterThan(0);
      expect(upstreamMs!).toBeLessThanOrEqual(latencyMs);
    }
  });

  it("counts the records sent in its metrics", async () => {
    const sent = async () => (await live.gateway.metrics.registry.getSingleMetric("portcullis_gateway_analytics_records_sent_total")!.get()).values[0]!.value;
    await waitFor(async () => expect(await sent()).toBe(answers.size - 1));
  });

  it("sends what it still holds when it shuts down", async () => {
    // A flush interval far beyond the test: only the shutdown can send these.
    const quiet = await fx.startGateway({ analytics: { ...SETTINGS, flushMs: 60_000 }, instanceId: "gw-closing" });
    for (const id of ["late-1", "late-2"]) await fetch(`${quiet.url}/ops/orders/1`, { headers: { ...keyed, "x-request-id": id } }).then((r) => r.text());
    await quiet.gateway.close(1000);
    await waitFor(async () => {
      const late = consumer.batches.filter((b) => b.gatewayId === "gw-closing").flatMap((b) => b.records.map((r) => r.requestId));
      expect(late.sort()).toEqual(["late-1", "late-2"]);
    }, 5000);
  });
});
