// Gateway config at scale, measured: a snapshot of 100,000 subscriptions and
// 1,000 APIs (three of them GitHub-sized, 1,223 operations each) is stored in
// Redis; a fresh gateway process cold-starts from it (time to ready, RSS), then
// deltas are published as the console does and their propagation to the running
// gateway is timed. Prints numbers against the targets of issue #15; asserts nothing.
//   node --import tsx gateway-worker/bench/config-scale.ts [subscriptions=100000] [apis=1000] [deltas=300]
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { QueueEventsProducer } from "bullmq";
import { Redis } from "ioredis";
import {
  configChannelNames,
  configDeltaNames,
  type GatewayApi,
  type GatewayConfigDelta,
  type GatewayConfigSnapshot,
  type GatewayOperation,
} from "../src/contract/config-snapshot.js";
import { hashSubscriptionKey } from "../src/contract/subscription-key-hash.js";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const BIG_API_OPERATIONS = 1223;

function api(i: number, operations: number): GatewayApi {
  const ops: GatewayOperation[] = Array.from({ length: operations }, (_, j) => ({
    method: j % 4 === 0 ? "POST" : "GET",
    path: `/resource-${j}/{id}/items/{itemId}`,
    validation: {
      parameters: [
        { name: "id", in: "path", required: true, schema: { type: "string", maxLength: 64 } },
        { name: "itemId", in: "path", required: true, schema: { type: "integer" } },
        { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1 } },
      ],
    },
  }));
  return {
    id: `api-${i}`,
    name: `API ${i}`,
    path: `api-${i}`,
    lifecycle: "published",
    backends: [{ url: "http://127.0.0.1:9/backend", weight: 1 }],
    subscription: { required: true, header: "Ocp-Apim-Subscription-Key", query: "subscription-key" },
    operations: ops,
  };
}

function buildSnapshot(subscriptions: number, apis: number): GatewayConfigSnapshot {
  return {
    version: 1,
    generatedAt: new Date().toISOString(),
    apis: Array.from({ length: apis }, (_, i) => api(i, i < 3 ? BIG_API_OPERATIONS : 10)),
    products: [
      { id: "prod-big", name: "Big", apiIds: Array.from({ length: Math.min(50, apis) }, (_, i) => `api-${i}`), rateLimit: { calls: 1000, periodSeconds: 60 }, quota: null },
      ...Array.from({ length: 20 }, (_, p) => ({
        id: `prod-${p}`,
        name: `Product ${p}`,
        apiIds: Array.from({ length: 10 }, (_, i) => `api-${(50 + p * 10 + i) % apis}`),
        rateLimit: null,
        quota: null,
      })),
    ],
    subscriptions: Array.from({ length: subscriptions }, (_, i) => ({
      id: `sub-${i}`,
      state: "active" as const,
      productId: "prod-big",
      apiId: null,
      expiresAt: null,
      keyHashes: [hashSubscriptionKey(`key-${i}`), hashSubscriptionKey(`key-${i}-secondary`)],
    })),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function child(prefix: string): Promise<void> {
  // GATEWAY_DIST: measure the compiled gateway (as production runs it) instead of the sources under tsx.
  const server = process.env.GATEWAY_DIST ? `${process.env.GATEWAY_DIST}/server.js` : "../src/server.js";
  const { createGateway } = (await import(server)) as typeof import("../src/server.js");
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const gateway = createGateway({ redisUrl: REDIS_URL, prefix, pollIntervalMs: 60_000 });
  await gateway.listen(0, "127.0.0.1");
  const readyMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const readyCpuMs = (cpu.user + cpu.system) / 1000;
  global.gc?.();
  const send = (message: object) => process.send?.(message);
  // The key index lives in a Buffer (arrayBuffers), outside the heap figures.
  const memory = process.memoryUsage();
  send({ ready: true, readyMs, readyCpuMs, processReadyMs: performance.now(), rss: memory.rss, heapUsed: memory.heapUsed, heapTotal: memory.heapTotal, arrayBuffers: memory.arrayBuffers });
  // Each version change, timestamped, for the parent to compare with when it published.
  let seen = gateway.currentVersion();
  const timer = setInterval(() => {
    const version = gateway.currentVersion();
    if (version !== seen) {
      seen = version;
      send({ version, at: Date.now() });
    }
  }, 1);
  process.on("message", (message: { stop?: boolean }) => {
    if (!message.stop) return;
    clearInterval(timer);
    global.gc?.();
    send({ final: true, rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed });
    void gateway.close(0).then(() => process.exit(0));
  });
}

async function parent(subscriptions: number, apis: number, deltas: number): Promise<void> {
  const prefix = `bench-config-scale-${randomUUID()}`;
  const names = configChannelNames(prefix);
  const deltaNames = configDeltaNames(prefix);
  const redis = new Redis(REDIS_URL);
  const producer = new QueueEventsProducer(names.queueName, { connection: { url: REDIS_URL }, prefix: names.bullPrefix });
  try {
    const snapshot = buildSnapshot(subscriptions, apis);
    const raw = JSON.stringify(snapshot);
    await redis.set(names.latestKey, raw);
    console.log(`snapshot: ${subscriptions} subscriptions, ${apis} APIs (3 x ${BIG_API_OPERATIONS} operations), ${(raw.length / 1e6).toFixed(1)} MB`);

    const proc = spawn(process.execPath, ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url), "--child", prefix], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const messages: Record<string, number | boolean>[] = [];
    const waiters: (() => void)[] = [];
    proc.on("message", (m: Record<string, number | boolean>) => {
      messages.push(m);
      waiters.splice(0).forEach((w) => w());
    });
    const waitFor = async (pred: (m: Record<string, number | boolean>) => boolean) => {
      for (;;) {
        const found = messages.find(pred);
        if (found) return found;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    };
    const ready = await waitFor((m) => m.ready === true);
    const mb = (n: number | boolean) => `${(Number(n) / 1e6).toFixed(0)} MB`;
    console.log(
      `cold start: listen() to ready ${Number(ready.readyMs).toFixed(0)} ms (target < 3000; CPU time ${Number(ready.readyCpuMs).toFixed(0)} ms), process start to ready ${Number(ready.processReadyMs).toFixed(0)} ms`,
    );
    console.log(`after cold start: RSS ${mb(ready.rss)} (target < 250 MB), heap used ${mb(ready.heapUsed)} of ${mb(ready.heapTotal)}, array buffers ${mb(ready.arrayBuffers)}`);

    const publishedAt = new Map<number, number>();
    for (let i = 1; i <= deltas; i++) {
      const version = 1 + i;
      const changes: GatewayConfigDelta["changes"] =
        i % 50 === 0
          ? [{ kind: "api.upserted", api: { ...api(i % 3, BIG_API_OPERATIONS), name: `Big ${i}` } }]
          : i % 10 === 0
            ? [{ kind: "product.upserted", product: { ...snapshot.products[1 + (i % 20)], name: `Product ${i}` } }]
            : i % 2 === 0
              ? [{ kind: "subscription.removed", id: `sub-${i}`, keyHashes: snapshot.subscriptions[i].keyHashes }]
              : [{ kind: "subscription.upserted", subscription: { ...snapshot.subscriptions[i], state: "suspended" } }];
      const json = JSON.stringify({ version, generatedAt: new Date().toISOString(), reason: "bench", changes } satisfies GatewayConfigDelta);
      publishedAt.set(version, Date.now());
      await redis.zadd(deltaNames.deltasKey, version, json);
      await producer.publishEvent({ eventName: deltaNames.deltaEventName, version, delta: json });
      await waitFor((m) => m.version === version);
    }
    const lags = messages
      .filter((m) => typeof m.version === "number" && publishedAt.has(m.version))
      .map((m) => Number(m.at) - publishedAt.get(Number(m.version))!)
      .sort((a, b) => a - b);
    console.log(`propagation of ${lags.length} deltas (ZADD + event -> served): p50 ${percentile(lags, 50)} ms, p99 ${percentile(lags, 99)} ms, max ${lags.at(-1)} ms (target p99 < 100)`);
    proc.send({ stop: true });
    const final = await waitFor((m) => m.final === true);
    console.log(`after the deltas: RSS ${mb(final.rss)}, heap used ${mb(final.heapUsed)}`);
    await new Promise((resolve) => proc.once("exit", resolve));
  } finally {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await producer.close();
    await redis.quit();
  }
}

const args = process.argv.slice(2);
if (args[0] === "--child") await child(args[1]);
else await parent(Number(args[0] ?? 100_000), Number(args[1] ?? 1000), Number(args[2] ?? 300));
