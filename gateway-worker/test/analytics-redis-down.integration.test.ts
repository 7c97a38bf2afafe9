// Analytics must never cost a request anything, even with Redis gone: a gateway on
// a Redis of its own (killed and restarted here) keeps answering at once, holds a
// bounded number of records, counts what it drops, and sends what it held once
// Redis is back.
import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createGateway, type Gateway } from "../src/server";
import { consumeAnalytics, type AnalyticsConsumer } from "./helpers/analytics-consumer";
import { startBackend, type TestBackend } from "./helpers/backend";
import { createConfigPublisher } from "./helpers/publish-config";
import { makeApi, makeProduct, makeSnapshot, makeSubscription } from "./helpers/snapshots";
import { ownRedisServer, type OwnRedisServer } from "./helpers/own-redis-server";
import { waitFor } from "./helpers/wait-for";

const KEY = "analytics-outage-key-0123456789";
const BUFFER_MAX = 50;
const BATCH_SIZE = 10;
const prefix = `gw-analytics-outage-${randomUUID()}`;

let redis: OwnRedisServer;
let backend: TestBackend;
let gateway: Gateway;
let url: string;
const consumers: AnalyticsConsumer[] = [];

const metric = async (name: string) => (await gateway.metrics.registry.getSingleMetric(name)!.get()).values[0]?.value ?? 0;

beforeAll(async () => {
  [redis, backend] = await Promise.all([ownRedisServer(), startBackend("outage")]);
  const publisher = createConfigPublisher(redis.url, prefix);
  await publisher.publish(
    makeSnapshot({
      apis: [makeApi({ id: "api-demo", path: "demo", backends: [{ url: backend.url, weight: 1 }] })],
      products: [makeProduct({ id: "prod-starter", apiIds: ["api-demo"] })],
      subscriptions: [makeSubscription({ id: "sub-alice", keys: [KEY] })],
    }),
  );
  gateway = createGateway({
    redisUrl: redis.url,
    prefix,
    pollIntervalMs: 60_000,
    backendTimeoutMs: 2000,
    logger: pino({ level: "silent" }),
    analytics: { batchSize: BATCH_SIZE, flushMs: 50, bufferMax: BUFFER_MAX },
  });
  url = `http://127.0.0.1:${await gateway.listen(0, "127.0.0.1")}`;
  await publisher.cleanupAndClose(); // the gateway holds its config in memory from now on
});

afterAll(async () => {
  await gateway?.close(0);
  await Promise.all(consumers.map((c) => c.close()));
  await backend?.close();
  await redis?.kill();
});

it("answers at once without Redis, holds a bounded buffer, counts the drops, and sends the rest once Redis is back", async () => {
  await redis.kill();
  const ids = Array.from({ length: 80 }, (_, i) => `outage-${String(i).padStart(2, "0")}`);
  const slowest = { ms: 0 };
  for (const id of ids) {
    const started = performance.now();
    const res = await fetch(`${url}/demo/ping`, { headers: { "ocp-apim-subscription-key": KEY, "x-request-id": id } });
    await res.text();
    expect(res.status).toBe(200);
    slowest.ms = Math.max(slowest.ms, performance.now() - started);
    expect(await metric("portcullis_gateway_analytics_records_buffered")).toBeLessThanOrEqual(BUFFER_MAX);
  }
  // A request that waited for a Redis command would take its whole 2 s timeout.
  expect(slowest.ms).toBeLessThan(1000);
  await waitFor(async () => expect(await metric("portcullis_gateway_analytics_records_dropped_total")).toBe(ids.length - BUFFER_MAX));
  expect(await metric("portcullis_gateway_analytics_records_buffered")).toBe(BUFFER_MAX);
  expect(await metric("portcullis_gateway_analytics_records_sent_total")).toBe(0);

  // An empty Redis on the same port: the gateway reconnects and sends what it held, the newest records.
  await redis.start();
  const consumer = consumeAnalytics(redis.url, prefix);
  consumers.push(consumer);
  await waitFor(async () => expect(await metric("portcullis_gateway_analytics_records_sent_total")).toBe(BUFFER_MAX), 15_000, 100);
  expect(await metric("portcullis_gateway_analytics_records_buffered")).toBe(0);
  // The newest records always survive. Only a batch that was in flight when the buffer overflowed
  // is kept from before them, and a send that timed out while Redis was down may still have
  // landed once it came back (same batch id: the ingester counts it once). Nothing else old arrives.
  const newest = ids.slice(ids.length - (BUFFER_MAX - BATCH_SIZE));
  await waitFor(async () => expect(consumer.records().map((r) => r.requestId)).toEqual(expect.arrayContaining(newest)), 15_000, 100);
  expect(consumer.invalid).toEqual([]);
  const kept = consumer.records().map((r) => r.requestId);
  const keptFromBefore = new Set(kept.filter((id) => !ids.slice(ids.length - BUFFER_MAX).includes(id)));
  expect(keptFromBefore.size).toBeLessThanOrEqual(2 * BATCH_SIZE);
  expect(consumer.records().every((r) => r.status === 200 && r.subscriptionId === "sub-alice")).toBe(true);
});
