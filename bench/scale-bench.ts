// npm run bench:scale - management writes and config propagation at catalogue scale (#15).
//
// Seeds, directly with Prisma createMany (the management API is not what is seeded through),
// BENCH_SUBSCRIPTIONS (default 100,000) active subscriptions in one product and BENCH_APIS
// (default 1,000) APIs, three of them GitHub-sized (1,223 operations each, from a generated
// OpenAPI description); publishes one full snapshot; starts 2 compiled gateways
// (gateway-worker/dist/main.js, GATEWAY_WORKERS=1) and measures:
//   - server-side latency of management writes, through the route handlers in-process:
//     subscription create, subscription PATCH (suspend/activate), product and API PATCH (a
//     rename, which reaches the gateways as a delta; a description edit, which reaches none);
//   - propagation, from a suspend/activate's answer until both gateways enforce it (403/200);
//   - each gateway's RSS after the load, and a third gateway's cold start (spawn -> /readyz 200).
// The same figures with 3 subscriptions and 3 APIs, measured first in the same run, are the
// baseline (ratios big/small), so numbers compare across machines.
//
// Own database (BENCH_DATABASE_URL, default portcullis_bench_scale, reset first) and own Redis
// key prefix; never touches the demo data or running gateways. BENCH_SAMPLES (default 60).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { NextRequest } from "next/server";
import { freePort } from "@/test/support/free-port";
import { gatewayProcessEnv, stopProcess } from "@/test/support/gateway-process";

const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 100_000);
const APIS = Number(process.env.BENCH_APIS ?? 1_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
/** Unmeasured calls of each kind first: JIT, pools and prepared statements warm up, as in a running console. */
const WARMUP = 5;
const BIG_APIS = 3;
const BIG_OPERATIONS = 1_223;
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const ADMIN_TOKEN = `bench-scale-admin-${randomBytes(12).toString("hex")}`;
const root = path.resolve(import.meta.dirname, "..");
const prefix = `portcullis-bench-scale-${randomUUID()}`;

const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/portcullis_bench_scale";
execFileSync("npx", ["tsx", "scripts/db/migrate.ts", "reset"], { cwd: root, stdio: "ignore", env: { ...process.env, DATABASE_URL: databaseUrl } });
execFileSync("npm", ["run", "build", "-w", "gateway-worker"], { cwd: root, stdio: "ignore" });
Object.assign(process.env, { DATABASE_URL: databaseUrl, CONFIG_CHANNEL_PREFIX: prefix, REDIS_URL, ADMIN_API_TOKEN: ADMIN_TOKEN });

const subscriptionsRoute = await import("@/app/api/v1/subscriptions/route");
const subscriptionRoute = await import("@/app/api/v1/subscriptions/[subscriptionId]/route");
const productRoute = await import("@/app/api/v1/products/[productId]/route");
const apiRoute = await import("@/app/api/v1/apis/[apiId]/route");
const { configChannelNames, hashSubscriptionKey } = await import("@/lib/config-channel/contract");
const { publishGatewayConfig } = await import("@/lib/config-channel/publish-gateway-config");
const { db, disconnectDb } = await import("@/lib/db");
const { redis, disconnectRedis } = await import("@/lib/redis");

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * One management API call in-process, as the admin token; resolves with the server time it took
 * and the console's CPU time meanwhile (calls run one at a time, so that CPU is this call's: on a
 * shared, loaded machine it moves far less than the wall time).
 */
async function call(handler: unknown, method: string, url: string, params: Record<string, string>, body: unknown) {
  const request = new NextRequest(`http://localhost:3000/api/v1${url}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify(body),
  });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const res = await (handler as Handler)(request, { params: Promise.resolve(params) });
  const text = await res.text();
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, body: JSON.parse(text) as Record<string, unknown> };
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const keyOf = (i: number, slot: "p" | "s") => `bench-scale-${slot}-${i}-${prefix.slice(-8)}`;
const cuidish = (p: string) => `${p}${randomBytes(10).toString("hex")}`;

// ---- the backend every API forwards to ----
const backend = http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
});
await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
const backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;

// ---- gateways ----
type RunningGateway = { child: ChildProcess; url: string; coldStartMs: number };
const children: ChildProcess[] = [];

async function startGateway(): Promise<RunningGateway> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, "gateway-worker/dist/main.js")], {
    cwd: root,
    env: gatewayProcessEnv({ port, redisUrl: REDIS_URL, prefix }),
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/readyz`).then((r) => r.arrayBuffer().then(() => r.ok), () => false);
    if (ok) return { child, url, coldStartMs: performance.now() - started };
    if (Date.now() > deadline) throw new Error(`${url}/readyz did not answer 200 within 60 s`);
    await sleep(5);
  }
}


/** Resident memory (MB) of a gateway and its worker processes, from /proc; NaN without /proc. */
function rssMb(pid: number): number {
  try {
    const vmRss = (p: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return (vmRss(pid) + kids.reduce((sum, k) => sum + vmRss(k), 0)) / 1024;
  } catch {
    return NaN;
  }
}

const probe = (g: RunningGateway, probePath: string, i: number) =>
  fetch(`${g.url}/${probePath}/ping`, { headers: { "Ocp-Apim-Subscription-Key": keyOf(i, "p") } }).then(async (r) => (await r.arrayBuffer(), r.status));

/** ms from now until `g` answers the probe with `want` (polled back to back). */
async function until(g: RunningGateway, probePath: string, i: number, want: (status: number) => boolean): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (want(await probe(g, probePath, i))) return performance.now() - started;
    if (performance.now() - started > 30_000) throw new Error(`${g.url} did not enforce the change within 30 s`);
  }
}

// ---- one scenario ----
type Figures = {
  writes: Record<string, number[]>;
  /** The console's CPU time of each write (same keys as `writes`). */
  writesCpu: Record<string, number[]>;
  propagation: number[];
  rss: number[];
  coldStartMs: number;
  snapshotMb: number;
  seedMs: number;
  publishMs: number;
};

function generatedSpec(title: string, operations: number) {
  const paths: Record<string, unknown> = {};
  const ops: { method: string; path: string }[] = [];
  for (let i = 0; ops.length < operations; i++) {
    const item: Record<string, unknown> = {};
    for (const method of ["get", "post", "patch"]) {
      if (ops.length >= operations) break;
      item[method] = { operationId: `${method}-r${i}`, summary: `${method} resource ${i}`, responses: { "200": { description: "ok" } } };
      ops.push({ method: method.toUpperCase(), path: `/resources${i}/{id}` });
    }
    paths[`/resources${i}/{id}`] = { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], ...item };
  }
  return { spec: { openapi: "3.0.3", info: { title, version: "1.0.0" }, paths }, ops };
}

async function seed(subscriptions: number, apis: number) {
  const tag = randomBytes(3).toString("hex");
  const bigCount = apis >= 100 ? BIG_APIS : 0;
  const apiRows = Array.from({ length: apis }, (_, i) => ({
    id: cuidish("bapi"),
    name: `Bench ${tag} API ${i}`,
    path: `bench-${tag}-${i}`,
    backendUrls: [backendUrl],
  }));
  const revisions: { id: string; apiId: string; number: number; isCurrent: boolean; spec: object; specVersion: string; title: string; version: string }[] = [];
  const operations: { revisionId: string; operationId: string; method: string; path: string }[] = [];
  // API 0 is the probe: no revision, the gateway forwards everything below its path.
  apiRows.slice(1).forEach((api, i) => {
    const { spec, ops } = generatedSpec(api.name, i < bigCount ? BIG_OPERATIONS : 5);
    const revisionId = cuidish("brev");
    revisions.push({ id: revisionId, apiId: api.id, number: 1, isCurrent: true, spec, specVersion: "3.0.3", title: api.name, version: "1.0.0" });
    for (const op of ops) operations.push({ revisionId, operationId: `${op.method}-${op.path}`, ...op });
  });
  const product = { id: cuidish("bprd"), name: `Bench ${tag} product`, state: "PUBLISHED" as const };
  await db().api.createMany({ data: apiRows });
  await db().apiRevision.createMany({ data: revisions });
  for (let i = 0; i < operations.length; i += 5_000) await db().operation.createMany({ data: operations.slice(i, i + 5_000) });
  await db().product.create({ data: product });
  await db().productApi.createMany({ data: apiRows.map((a) => ({ productId: product.id, apiId: a.id })) });
  const subIds: string[] = [];
  for (let start = 0; start < subscriptions; start += 10_000) {
    const data = Array.from({ length: Math.min(10_000, subscriptions - start) }, (_, k) => {
      const i = start + k;
      const id = cuidish("bsub");
      subIds.push(id);
      return {
        id,
        name: `bench ${i}`,
        productId: product.id,
        state: "ACTIVE" as const,
        primaryKeyHash: hashSubscriptionKey(keyOf(i, "p")),
        secondaryKeyHash: hashSubscriptionKey(keyOf(i, "s")),
        primaryKeyEncrypted: "-",
        secondaryKeyEncrypted: "-",
      };
    });
    await db().subscription.createMany({ data });
  }
  const patched = apiRows[Math.min(1, apis - 1)]!;
  return { probePath: apiRows[0]!.path, productId: product.id, productName: product.name, patchedApiId: patched.id, apiName: patched.name, subIds };
}

async function scenario(subscriptions: number, apis: number): Promise<Figures> {
  console.log(`\n== ${subscriptions.toLocaleString("en")} subscriptions, ${apis.toLocaleString("en")} APIs ==`);
  // A clean catalogue for each scenario (same database).
  await db().subscription.deleteMany({});
  await db().product.deleteMany({});
  await db().api.deleteMany({});
  let t = performance.now();
  const seeded = await seed(subscriptions, apis);
  const seedMs = performance.now() - t;
  t = performance.now();
  if ((await publishGatewayConfig("bench:scale seeded")) === null) throw new Error("the full snapshot was not published");
  const publishMs = performance.now() - t;
  const snapshotMb = (await redis().strlen(configChannelNames(prefix).latestKey)) / 1e6;
  console.log(`seeded in ${(seedMs / 1000).toFixed(1)} s, full snapshot published in ${(publishMs / 1000).toFixed(1)} s`);

  const gateways = [await startGateway(), await startGateway()];
  for (const g of gateways) await until(g, seeded.probePath, 0, (s) => s === 200);

  // Renames reach the gateways (a delta each); description edits reach none (no delta is published).
  const writes: Record<string, number[]> = {
    "subscription create": [],
    "subscription PATCH": [],
    "product PATCH (rename)": [],
    "product PATCH (description)": [],
    "API PATCH (rename)": [],
    "API PATCH (description)": [],
  };
  const writesCpu: Record<string, number[]> = Object.fromEntries(Object.keys(writes).map((name) => [name, []]));
  const propagation: number[] = [];
  const record = (list: number[], n: number, ms: number) => n >= WARMUP && list.push(ms);
  const recordWrite = (name: string, n: number, w: { ms: number; cpuMs: number }) => {
    record(writes[name]!, n, w.ms);
    record(writesCpu[name]!, n, w.cpuMs);
  };
  for (let n = 0; n < WARMUP + SAMPLES; n++) {
    const w = await call(subscriptionsRoute.POST, "POST", "/subscriptions", {}, { productId: seeded.productId, name: `bench created ${n}` });
    recordWrite("subscription create", n, w);
  }
  // Suspend then reactivate distinct subscriptions; each answer starts a propagation sample on both gateways.
  // Pairs (suspend, activate): the first WARMUP pairs are not measured.
  for (let n = 0; n < WARMUP * 2 + SAMPLES; n++) {
    const i = (Math.floor(n / 2) * Math.max(1, Math.floor(subscriptions / (WARMUP + SAMPLES)))) % subscriptions;
    const state = n % 2 === 0 ? "suspended" : "active";
    const w = await call(subscriptionRoute.PATCH, "PATCH", `/subscriptions/${seeded.subIds[i]}`, { subscriptionId: seeded.subIds[i]! }, { state });
    recordWrite("subscription PATCH", n - WARMUP, w);
    const want = state === "suspended" ? (s: number) => s === 401 || s === 403 : (s: number) => s === 200;
    const each = await Promise.all(gateways.map((g) => until(g, seeded.probePath, i, want)));
    record(propagation, n - WARMUP, Math.max(...each));
  }
  const product = (body: object) => call(productRoute.PATCH, "PATCH", `/products/${seeded.productId}`, { productId: seeded.productId }, body);
  const api = (body: object) => call(apiRoute.PATCH, "PATCH", `/apis/${seeded.patchedApiId}`, { apiId: seeded.patchedApiId }, body);
  for (let n = 0; n < WARMUP + SAMPLES; n++) recordWrite("product PATCH (rename)", n, await product({ name: `${seeded.productName} ${n}` }));
  for (let n = 0; n < WARMUP + SAMPLES; n++) recordWrite("product PATCH (description)", n, await product({ description: `bench ${n}` }));
  // The patched API is GitHub-sized: its delta carries 1,223 operations.
  for (let n = 0; n < WARMUP + SAMPLES; n++) recordWrite("API PATCH (rename)", n, await api({ name: `${seeded.apiName} ${n}` }));
  for (let n = 0; n < WARMUP + SAMPLES; n++) recordWrite("API PATCH (description)", n, await api({ description: `bench ${n}` }));
  // The gateways still serve after the load (and have applied it): then their memory.
  for (const g of gateways) await until(g, seeded.probePath, 0, (s) => s === 200);
  await sleep(500);
  const rss = gateways.map((g) => rssMb(g.child.pid!));
  const third = await startGateway();
  await until(third, seeded.probePath, 0, (s) => s === 200);
  for (const g of [...gateways, third]) await stopProcess(g.child);
  return { writes, writesCpu, propagation, rss, coldStartMs: third.coldStartMs, snapshotMb, seedMs, publishMs };
}

const fmt = (n: number, unit: string) => `${Number.isFinite(n) ? n.toFixed(unit === "s" ? 2 : 1) : "n/a"} ${unit}`.padStart(11);
const verdict = (n: number, target: number) => (n < target ? "met" : "NOT met");

try {
  const small = await scenario(3, 3);
  const big = await scenario(SUBSCRIPTIONS, APIS);
  console.log(`\n== bench:scale: ${SUBSCRIPTIONS.toLocaleString("en")} subscriptions, ${APIS.toLocaleString("en")} APIs (baseline: 3 and 3), ${SAMPLES} samples each ==`);
  console.log(`${"figure".padEnd(38)}${"at scale".padStart(11)}${"baseline".padStart(11)}${"ratio".padStart(9)}   target`);
  const row = (label: string, b: number, s: number, unit: string, target: number, targetText: string) =>
    console.log(`${label.padEnd(38)}${fmt(b, unit)}${fmt(s, unit)}${`${(b / s).toFixed(1)}x`.padStart(9)}   ${targetText}${target ? `: ${verdict(b, target)}` : ""}`);
  for (const name of Object.keys(big.writes)) {
    row(`${name} p50`, pct(big.writes[name]!, 50), pct(small.writes[name]!, 50), "ms", 0, "");
    row(`${name} p99`, pct(big.writes[name]!, 99), pct(small.writes[name]!, 99), "ms", 100, "< 100 ms");
    row(`${name} CPU p50`, pct(big.writesCpu[name]!, 50), pct(small.writesCpu[name]!, 50), "ms", 0, "(console CPU)");
  }
  row("propagation to 2 gateways p50", pct(big.propagation, 50), pct(small.propagation, 50), "ms", 0, "");
  row("propagation to 2 gateways p99", pct(big.propagation, 99), pct(small.propagation, 99), "ms", 100, "< 100 ms");
  big.rss.forEach((r, i) => row(`gateway ${i + 1} RSS after load`, r, small.rss[i]!, "MB", 250, "< 250 MB"));
  row("cold start (spawn -> /readyz 200)", big.coldStartMs / 1000, small.coldStartMs / 1000, "s", 3, "< 3 s");
  row("full snapshot in Redis", big.snapshotMb, small.snapshotMb, "MB", 0, "(info)");
  row("seed (createMany, not a target)", big.seedMs / 1000, small.seedMs / 1000, "s", 0, "(info)");
  row("publish full snapshot", big.publishMs / 1000, small.publishMs / 1000, "s", 0, "(info)");
} finally {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await new Promise((resolve) => backend.close(resolve));
  const keys = await redis().keys(`*${prefix}*`).catch(() => [] as string[]);
  for (let i = 0; i < keys.length; i += 500) await redis().del(...keys.slice(i, i + 500));
  await disconnectDb();
  await disconnectRedis();
}
