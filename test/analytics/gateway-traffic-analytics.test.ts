// The first acceptance test: traffic through a real gateway process (the compiled
// gateway, as production runs it), some of it refused (no key, rate limit) and some failing
// at the backend (a 500 it answered, a connection it dropped), is read back from the
// management API within 5 s: the same counts, statuses, reasons and percentiles, through
// the gateway's batches on BullMQ and the real ingester.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as seriesRoute from "@/app/api/v1/analytics/requests/route";
import * as logRoute from "@/app/api/v1/analytics/requests/log/route";
import * as topRoute from "@/app/api/v1/analytics/top/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { startAnalyticsIngester, type AnalyticsIngester } from "@/lib/analytics/ingest/start-analytics-ingester";
import { histogramOf, percentilesOf } from "@/lib/analytics/latency-histogram";
import { publishGatewayConfig } from "@/lib/config-channel/publish-gateway-config";
import { env } from "@/lib/env";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { freePort } from "../support/free-port";
import { compileGateway, gatewayProcessEnv, stopProcess } from "../support/gateway-process";
import { createIdentity, type UserIdentity } from "../support/identities";
import { importedApi } from "../support/import-api";

const root = path.resolve(__dirname, "../..");
const outDir = path.join(root, "gateway-worker", `.test-build-analytics-${randomUUID()}`);
const RATE = 10;

let backend: http.Server;
let gatewayProcess: ChildProcess;
let gatewayUrl = "";
let ingester: AnalyticsIngester;
let developer: UserIdentity;
let api: { id: string; path: string; name: string };
let subscription: { id: string; name: string; primaryKey: string };

/** /orders/fail answers 500 itself; /orders/boom drops the connection (the gateway answers 502); the rest 200. */
function startFailingBackend(): Promise<string> {
  backend = http.createServer((req, res) => {
    if (req.url?.includes("/orders/boom")) return req.socket.destroy();
    const status = req.url?.includes("/orders/fail") ? 500 : 200;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: status === 200, url: req.url }));
  });
  return new Promise((resolve) => backend.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(backend.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  const [backendUrl] = await Promise.all([startFailingBackend(), compileGateway(outDir)]);
  developer = await createIdentity("developer", { via: "session", tag: "traffic" });
  api = await importedApi({ name: `Traffic ${randomUUID().slice(0, 6)}`, path: uniquePath("traffic"), backendUrl });
  const product = await callRoute(productsRoute.POST, {
    method: "POST",
    body: { name: `Traffic plan ${api.path}`, apiIds: [api.id], state: "published", rateLimit: { calls: RATE, periodSeconds: 60 } },
  });
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  const sub = await callRoute(subscriptionsRoute.POST, { method: "POST", as: developer, body: { productId: product.body.id, name: "traffic app" } });
  expect(sub.status, JSON.stringify(sub.body)).toBe(201);
  subscription = sub.body;
  const version = await publishGatewayConfig("gateway traffic analytics test");
  expect(version).not.toBeNull();

  ingester = await startAnalyticsIngester({ periodicTasks: false });
  const port = await freePort();
  gatewayProcess = spawn(process.execPath, [path.join(outDir, "main.js")], {
    env: { ...gatewayProcessEnv({ port, redisUrl: env().REDIS_URL, prefix: env().CONFIG_CHANNEL_PREFIX }), ANALYTICS_FLUSH_MS: "200" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  gatewayUrl = `http://127.0.0.1:${port}`;
  // Ready once it holds the snapshot with the subscription (probes are not recorded).
  await waitFor(async () => {
    if (gatewayProcess.exitCode !== null) throw new Error(`gateway process exited with ${gatewayProcess.exitCode}`);
    const health = (await fetch(`${gatewayUrl}/healthz`).then((r) => r.json())) as { configVersion: number | null };
    expect(health.configVersion).toBeGreaterThanOrEqual(version!);
  }, 30_000, 100);
}, 180_000);

afterAll(async () => {
  if (gatewayProcess) await stopProcess(gatewayProcess);
  await ingester?.stop();
  await new Promise((resolve) => backend?.close(resolve));
  rmSync(outDir, { recursive: true, force: true });
});

async function send(pathname: string, key: string | null): Promise<number> {
  const res = await fetch(`${gatewayUrl}/${api.path}${pathname}`, { headers: key ? { "Ocp-Apim-Subscription-Key": key } : {} });
  await res.arrayBuffer();
  return res.status;
}

describe("traffic through a gateway process", () => {
  it("reads the same counts, reasons and percentiles back from the API within 5 s", async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push(await send("/hello", null));
    for (let i = 0; i < 4; i++) statuses.push(await send("/hello", subscription.primaryKey));
    for (let i = 0; i < 2; i++) statuses.push(await send("/orders/fail", subscription.primaryKey));
    for (let i = 0; i < 2; i++) statuses.push(await send("/orders/boom", subscription.primaryKey));
    for (let i = 0; i < 4; i++) statuses.push(await send("/hello", subscription.primaryKey));
    const sentAt = Date.now();
    // What the client saw: 3 without a key, RATE admitted (2 of them failing at the backend), the rest rate limited.
    expect(statuses).toEqual([401, 401, 401, 200, 200, 200, 200, 500, 500, 502, 502, 200, 200, 429, 429]);

    const range = `from=${from}&to=${new Date(Date.now() + 60_000).toISOString()}&apiId=${api.id}`;
    const totals = await waitFor(async () => {
      const res = await callRoute(seriesRoute.GET, { path: `/analytics/requests?${range}` });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.totals.count).toBe(statuses.length);
      return res.body.totals;
    }, 5000, 100);
    expect(Date.now() - sentAt).toBeLessThan(5000);
    expect(totals).toMatchObject({ errors: 9, clientErrors: 5, serverErrors: 4 });

    const top = async (dimension: string, as?: UserIdentity) => {
      const res = await callRoute(topRoute.GET, { path: `/analytics/top?${range}&dimension=${dimension}`, as });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items as { key: string; label: string; count: number }[];
    };
    const counted = (items: { key: string; count: number }[]) => Object.fromEntries(items.map((i) => [i.key, i.count]));
    expect(counted(await top("status"))).toEqual({ "200": 6, "401": 3, "500": 2, "502": 2, "429": 2 });
    expect(counted(await top("reason"))).toEqual({ key: 3, rate: 2, backend: 2 });
    expect((await top("subscription")).map((i) => [i.key, i.label, i.count])).toEqual([[subscription.id, subscription.name, 12]]);
    expect((await top("user")).map((i) => [i.label, i.count])).toEqual([[developer.email, 12]]);
    expect((await top("api")).map((i) => [i.label, i.count])).toEqual([[api.name, 15]]);

    // Percentiles of the rollups' merged histograms equal those of the request log's latencies.
    const log = await callRoute(logRoute.GET, { path: `/analytics/requests/log?${range}&limit=100` });
    expect(log.body.items).toHaveLength(statuses.length);
    expect(log.body.items.map((i: { status: number }) => i.status)).toEqual([...statuses].reverse());
    const latencies = log.body.items.map((i: { latencyMs: number }) => i.latencyMs);
    expect({ p50: totals.p50, p95: totals.p95, p99: totals.p99 }).toEqual(percentilesOf(histogramOf(latencies)));

    // The developer who owns the subscription sees its 12 requests, not the 3 made without a key.
    const mine = await callRoute(seriesRoute.GET, { path: `/analytics/requests?${range}`, as: developer });
    expect(mine.body.totals.count).toBe(12);
  }, 30_000);
});
