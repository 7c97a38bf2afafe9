// npm run bench:gateway - how much of a bare proxy's throughput the gateway keeps.
//
// One local backend (its own process), then, in front of it and driven the same way by
// autocannon (same connections, same duration, keep-alive):
//   - the baseline: a bare http-proxy passthrough, one process, keep-alive agent;
//   - the compiled gateway (`node main.js`, as production runs it) with GATEWAY_WORKERS=1,
//     fed its config through Redis under a private prefix, as the tests do:
//       (a) subscription key + rate limit (never reached),
//       (b) subscription key + JWT (RS256, JWKS served locally) + rate limit;
//   - the same gateway with GATEWAY_WORKERS=2;
//   - (a) at half of its maximum rate, paced evenly (paced-load.ts), against the baseline
//     at the same rate, for the latency the gateway adds;
//   - (a) again on a second gateway with analytics on (every request recorded and sent in
//     batches to the analytics queue, under the private prefix, where the jobs accumulate
//     until the clean-up: no ingester competes for the CPU), alternating with (a) off on
//     the first gateway, off then on, BENCH_ANALYTICS_ROUNDS (default 3) fresh runs each
//     (both gateways warmed the same way first), medians compared.
// The baseline and the gateway's two cases are measured alternately, BENCH_ROUNDS times
// (default 3), each the median of its runs, and the baseline once more at the end (its
// median over all is what the ratios divide by; the first and last runs are printed), so
// a change in the machine's load during the run falls on every side and shows.
// Analytics is off in every other case, so they compare with earlier runs.
// Prints requests/s, p50/p99 and the ratio to the baseline, the CPU the server process
// spent per 1,000 requests and that ratio, and the CPU redis-server spent meanwhile
// (the limiter's scripts; Redis shares the machine's cores), then the p99 latency the
// gateway adds to the baseline at half of its own maximum rate, then analytics on
// against off (requests/s and CPU per request), beside the targets.
// Access logs stay on (LOG_LEVEL=info, written to /dev/null) as in production.
//
// BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 32), REDIS_URL.
// BENCH_CPU_PROFILE=dir: the bare proxy and the gateways run under `node --cpu-prof --cpu-prof-dir=dir`.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { analyticsChannelNames } from "@/gateway-worker/src/contract/analytics-record";
import { createConfigPublisher } from "@/gateway-worker/test/helpers/publish-config";
import { AUDIENCE, ISSUER, startTestIdp } from "@/gateway-worker/test/helpers/jwks-server";
import { makeApi, makeProduct, makeSnapshot, makeSubscription } from "@/gateway-worker/test/helpers/snapshots";
import { freePort } from "@/test/support/free-port";
import { compileGateway, gatewayProcessEnv, stopProcess } from "@/test/support/gateway-process";
import { pacedLoad, type PacedResult } from "./paced-load";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROFILE;
const KEY = "bench-key-0123456789abcdef";
const root = path.resolve(import.meta.dirname, "..");
// Compiled apart from gateway-worker/dist (which other builds clean), beside it so it finds node_modules.
const outDir = path.join(root, "gateway-worker", `.bench-build-${randomUUID()}`);
const prefix = `bench-gateway-${randomUUID()}`;

const children: ChildProcess[] = [];

/** A child node process; resolves once `url` answers (any status). */
async function startProcess(args: string[], env: Record<string, string | undefined>, url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  children.push(child);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited with ${child.exitCode}`);
    const ok = await fetch(url).then((r) => r.arrayBuffer().then(() => r.ok), () => false);
    if (ok) return child;
    if (Date.now() > deadline) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const BACKEND = `
import http from "node:http";
const body = JSON.stringify({ ok: true, message: "hello from the bench backend" });
http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body));
}).listen(Number(process.env.PORT), "127.0.0.1");
`;

const BARE_PROXY = `
import http from "node:http";
import httpProxy from "http-proxy";
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const proxy = httpProxy.createProxyServer({ target: process.env.TARGET, agent });
proxy.on("error", (err, req, res) => { res.writeHead?.(502); res.end(); });
http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => proxy.web(req, res)).listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => process.exit(0)); // a normal exit, so --cpu-prof writes its profile
`;

/**
 * CPU time (ms) used so far by `pid` and its children (a cluster's workers), from /proc: on a
 * shared machine the CPU a server spends per request is steadier than the rate it reaches.
 * null where /proc is not there.
 */
function cpuMs(pid: number): number | null {
  try {
    const ticks = (p: number) => {
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
      return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (USER_HZ, 100 on Linux)
    };
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return ((ticks(pid) + children.reduce((sum, c) => sum + ticks(c), 0)) * 1000) / 100;
  } catch {
    return null;
  }
}

/** redis-server's pid when it runs on this machine (its CPU is read from /proc), else null. */
async function localRedisPid(): Promise<number | null> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const pid = Number(/process_id:(\d+)/.exec(await redis.info("server"))?.[1]);
    return Number.isInteger(pid) && cpuMs(pid) !== null ? pid : null;
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}
let redisPid: number | null = null;

interface Measured {
  /** CPU ms the server (and its workers) spent per 1,000 requests; null without /proc. */
  cpuPerK: number | null;
  /** CPU ms redis-server spent per 1,000 requests meanwhile; null when it is not local. */
  redisPerK: number | null;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Responses received, warm-up included. */
  answered: number;
}

async function drive(url: string, headers: Record<string, string>, opts: { overallRate?: number; duration?: number; pid?: number } = {}): Promise<Measured> {
  const cpuBefore = opts.pid ? cpuMs(opts.pid) : null;
  const redisBefore = opts.pid && redisPid ? cpuMs(redisPid) : null;
  const result = await autocannon({
    url,
    headers,
    connections: CONNECTIONS,
    duration: opts.duration ?? DURATION,
    ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
  });
  const cpuAfter = opts.pid ? cpuMs(opts.pid) : null;
  const redisAfter = redisBefore !== null && redisPid ? cpuMs(redisPid) : null;
  const perK = (before: number | null, after: number | null) =>
    before !== null && after !== null && result.requests.total > 0 ? ((after - before) / result.requests.total) * 1000 : null;
  return {
    cpuPerK: perK(cpuBefore, cpuAfter),
    redisPerK: perK(redisBefore, redisAfter),
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    answered: result.requests.total,
  };
}

/** A short unmeasured run first: JIT, connection pools and the JWKS cache warm up. */
async function measure(url: string, headers: Record<string, string>, opts: { overallRate?: number; pid?: number } = {}): Promise<Measured> {
  const warmUp = await drive(url, headers, { duration: 2, overallRate: opts.overallRate });
  const measured = await drive(url, headers, opts);
  return { ...measured, answered: warmUp.answered + measured.answered };
}

/** Rounds of the baseline and the gateway alternated (BENCH_ROUNDS, default 3): each case is the median of its runs. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

/** Rounds of analytics off, then on (BENCH_ANALYTICS_ROUNDS, default 3): each side is the median of its runs. */
const ANALYTICS_ROUNDS = Math.max(1, Number(process.env.BENCH_ANALYTICS_ROUNDS ?? 3));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median run of several (counts summed): one run stretched by the machine's load moves it less than a mean. */
function medianOf(runs: Measured[]): Measured {
  const sum = (pick: (m: Measured) => number) => runs.reduce((total, m) => total + pick(m), 0);
  const medianOrNull = (values: (number | null)[]) => (values.every((c) => c !== null) ? median(values as number[]) : null);
  return {
    cpuPerK: medianOrNull(runs.map((m) => m.cpuPerK)),
    redisPerK: medianOrNull(runs.map((m) => m.redisPerK)),
    rps: median(runs.map((m) => m.rps)),
    p50: median(runs.map((m) => m.p50)),
    p99: median(runs.map((m) => m.p99)),
    errors: sum((m) => m.errors),
    non2xx: sum((m) => m.non2xx),
    answered: sum((m) => m.answered),
  };
}

/** The median p50 and p99 of paced runs (errors and non-2xx summed). */
function medianPaced(runs: PacedResult[]): PacedResult {
  return {
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

/** Records in the analytics jobs waiting under the bench's prefix (nothing consumes them). */
async function queuedRecords(): Promise<{ jobs: number; records: number }> {
  const names = analyticsChannelNames(prefix);
  const queue = new Queue(names.queueName, { connection: { url: REDIS_URL }, prefix: names.bullPrefix });
  let jobs = 0;
  let records = 0;
  try {
    for (let start = 0; ; start += 100) {
      const page = await queue.getWaiting(start, start + 99);
      if (page.length === 0) break;
      jobs += page.length;
      for (const job of page) records += (job.data as { records: unknown[] }).records.length;
    }
  } finally {
    await queue.close();
  }
  return { jobs, records };
}

/** BENCH_CPU_PROFILE: the bare proxy and every gateway run under V8's profiler, one file each. */
const profileArgs = () => (CPU_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : []);

async function startGateway(workers: number, analytics = false): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = await startProcess(
    [...profileArgs(), path.join(outDir, "main.js")],
    { ...gatewayProcessEnv({ port, workers, redisUrl: REDIS_URL, prefix, logLevel: "info" }), ANALYTICS_ENABLED: String(analytics) },
    `${url}/keyed/ping?subscription-key=${KEY}`,
  );
  return {
    url,
    pid: child.pid!,
    stop: () => stopProcess(child),
  };
}

const fmt = (n: number, digits = 0) => n.toFixed(digits).padStart(8);
const check = (ok: boolean) => (ok ? "met" : "NOT met");

async function main() {
  console.log(
    `gateway bench: ${CONNECTIONS} connections, ${DURATION} s per run, ${os.cpus().length} cores, node ${process.version}, ` +
      `load average ${os.loadavg()[0].toFixed(1)} at the start`,
  );
  await compileGateway(outDir);
  redisPid = await localRedisPid();

  const backendPort = await freePort();
  const backendUrl = `http://127.0.0.1:${backendPort}`;
  await startProcess(["--input-type=module", "-e", BACKEND], { PORT: String(backendPort) }, backendUrl);
  const proxyPort = await freePort();
  const proxyUrl = `http://127.0.0.1:${proxyPort}`;
  const bare = await startProcess([...profileArgs(), "--input-type=module", "-e", BARE_PROXY], { PORT: String(proxyPort), TARGET: backendUrl }, proxyUrl);

  const idp = await startTestIdp();
  const token = await idp.sign({ scope: "orders:read" }, { expiresIn: "2h" });
  const publisher = createConfigPublisher(REDIS_URL, prefix);
  const limited = { calls: 1_000_000_000, periodSeconds: 60 };
  const keyed = makeApi({ id: "api-keyed", path: "keyed", backends: [{ url: backendUrl, weight: 1 }] });
  const withJwt = makeApi({
    id: "api-jwt",
    path: "jwt",
    backends: [{ url: backendUrl, weight: 1 }],
    jwt: {
      issuer: ISSUER,
      audiences: [AUDIENCE],
      jwksUri: `${idp.url}/jwks`,
      requiredScopes: [],
      requiredRoles: [],
      rolesClaim: "roles",
      clockToleranceSeconds: 30,
      tokenHeader: "Authorization",
      algorithms: ["RS256"],
    },
  });
  await publisher.publish(
    makeSnapshot({
      apis: [keyed, withJwt],
      products: [makeProduct({ id: "prod-bench", apiIds: [keyed.id, withJwt.id], rateLimit: limited })],
      subscriptions: [makeSubscription({ id: "sub-bench", productId: "prod-bench", keys: [KEY] })],
    }),
  );

  const keyHeaders = { "ocp-apim-subscription-key": KEY };
  const jwtHeaders = { ...keyHeaders, authorization: `Bearer ${token}` };
  const rows: { name: string; m: Measured; ratio?: number; target?: number; cpuRatio?: number }[] = [];
  const cpuRatio = (m: Measured) => (m.cpuPerK && baselineCpu ? baselineCpu / m.cpuPerK : undefined);
  let baselineCpu: number | null = null;
  try {
    // The baseline and the gateway alternated, ROUNDS times (baseline, key + rate, key + JWT + rate), each
    // case the median of its runs: the machine's load drifts by the minute, and this spreads it over all.
    const one = await startGateway(1);
    const baselineRuns: Measured[] = [];
    const keyRuns: Measured[] = [];
    const jwtRuns: Measured[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      baselineRuns.push(await measure(`${proxyUrl}/ping`, {}, { pid: bare.pid }));
      keyRuns.push(await measure(`${one.url}/keyed/ping`, keyHeaders, { pid: one.pid }));
      jwtRuns.push(await measure(`${one.url}/jwt/ping`, jwtHeaders, { pid: one.pid }));
    }
    const keyRate = medianOf(keyRuns);
    const jwtRate = medianOf(jwtRuns);

    // Added latency at half the gateway's maximum: both sides at the same fixed rate, paced
    // evenly (paced-load.ts), each after a short warm-up at that rate, alternated ROUNDS times
    // (medians); then, for comparison with earlier runs, autocannon's rate mode, which sends
    // each second's quota in a burst.
    const half = Math.max(1, Math.round(keyRate.rps / 2));
    const paced = async (url: string, headers: Record<string, string>): Promise<PacedResult> => {
      await pacedLoad({ url, headers, rate: half, durationSeconds: 2, connections: CONNECTIONS });
      return pacedLoad({ url, headers, rate: half, durationSeconds: DURATION, connections: CONNECTIONS });
    };
    const baselinePacedRuns: PacedResult[] = [];
    const gatewayPacedRuns: PacedResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      baselinePacedRuns.push(await paced(`${proxyUrl}/ping`, {}));
      gatewayPacedRuns.push(await paced(`${one.url}/keyed/ping`, keyHeaders));
    }
    const baselinePaced = medianPaced(baselinePacedRuns);
    const gatewayPaced = medianPaced(gatewayPacedRuns);
    const baselineHalf = await measure(`${proxyUrl}/ping`, {}, { overallRate: half });
    const gatewayHalf = await measure(`${one.url}/keyed/ping`, keyHeaders, { overallRate: half });

    // Analytics on against off, alternated (off, on, off, on, ...) so a shift in the machine's
    // load falls on both sides; each side is the median of its ANALYTICS_ROUNDS fresh runs. The
    // analytics gateway gets as much warm-up as the other had (the runs above) before the first.
    const recorded = await startGateway(1, true);
    let warmUpRecorded = 0;
    for (let i = 0; i < 3; i++) warmUpRecorded += (await drive(`${recorded.url}/keyed/ping`, keyHeaders, { duration: Math.min(DURATION, 5) })).answered;
    const offRuns: Measured[] = [];
    const onRuns: Measured[] = [];
    for (let round = 0; round < ANALYTICS_ROUNDS; round++) {
      offRuns.push(await measure(`${one.url}/keyed/ping`, keyHeaders, { pid: one.pid }));
      onRuns.push(await measure(`${recorded.url}/keyed/ping`, keyHeaders, { pid: recorded.pid }));
    }
    const analyticsOff = medianOf(offRuns);
    const analyticsOn = medianOf(onRuns);
    await Promise.all([one.stop(), recorded.stop()]); // the analytics gateway sends what it holds as it stops
    const queued = await queuedRecords();

    const two = await startGateway(2);
    const keyRate2 = await measure(`${two.url}/keyed/ping`, keyHeaders, { pid: two.pid });
    await two.stop();

    // Once more at the end: a machine that got slower or faster during the run shows here.
    const baselineLast = await measure(`${proxyUrl}/ping`, {}, { pid: bare.pid });
    const baseline = medianOf([...baselineRuns, baselineLast]);
    baselineCpu = baseline.cpuPerK;
    rows.push({ name: `bare http-proxy (baseline, median of ${ROUNDS + 1})`, m: baseline });
    rows.push({ name: "  first run", m: baselineRuns[0]! });
    rows.push({ name: "  last run", m: baselineLast });
    rows.push({ name: "gateway: key + rate limit", m: keyRate, ratio: keyRate.rps / baseline.rps, target: 0.8, cpuRatio: cpuRatio(keyRate) });
    rows.push({ name: "gateway: key + JWT + rate limit", m: jwtRate, ratio: jwtRate.rps / baseline.rps, target: 0.6, cpuRatio: cpuRatio(jwtRate) });
    rows.push({ name: "gateway, GATEWAY_WORKERS=2: key + rate", m: keyRate2, ratio: keyRate2.rps / baseline.rps, cpuRatio: cpuRatio(keyRate2) });

    console.log("");
    console.log(`${"".padEnd(42)}     req/s   p50 ms   p99 ms   ratio  target          CPU ms/1k req  CPU ratio  Redis ms/1k`);
    for (const { name, m, ratio, target, cpuRatio: byCpu } of rows) {
      const errors = m.errors + m.non2xx > 0 ? `  (${m.errors} errors, ${m.non2xx} non-2xx)` : "";
      const ratioText = ratio === undefined ? "".padStart(8) : `${ratio.toFixed(2)}x`.padStart(8);
      const targetText = (target === undefined ? "" : `  >= ${target}x ${check((ratio ?? 0) >= target)}`).padEnd(16);
      const cpuText = `${m.cpuPerK === null ? "n/a".padStart(13) : fmt(m.cpuPerK, 0).padStart(13)}${(byCpu === undefined ? "" : `${byCpu.toFixed(2)}x`).padStart(11)}`;
      const redisText = m.redisPerK === null ? "" : fmt(m.redisPerK, 0).padStart(13);
      console.log(`${name.padEnd(42)}${fmt(m.rps)}${fmt(m.p50, 1)}${fmt(m.p99, 1)}${ratioText}${targetText}${cpuText}${redisText}${errors}`);
    }
    const perRun = (runs: Measured[]) => runs.map((m) => `${Math.round(m.rps)}${m.cpuPerK === null ? "" : ` (${Math.round(m.cpuPerK)} ms)`}`).join(", ");
    console.log("");
    console.log(`runs, req/s (CPU ms/1k req), alternated: baseline ${perRun(baselineRuns)}, last ${perRun([baselineLast])}`);
    console.log(`  key + rate ${perRun(keyRuns)}; key + JWT + rate ${perRun(jwtRuns)}`);
    const added = gatewayPaced.p99 - baselinePaced.p99;
    const addedBursts = gatewayHalf.p99 - baselineHalf.p99;
    console.log("");
    console.log(
      `at ${half} req/s (half the gateway's max), paced evenly: p99 bare proxy ${baselinePaced.p99} ms, gateway ${gatewayPaced.p99} ms, ` +
        `added ${added.toFixed(2)} ms (target < 2 ms: ${check(added < 2)}); p50 ${baselinePaced.p50} and ${gatewayPaced.p50} ms`,
    );
    const p99s = (runs: PacedResult[]) => runs.map((r) => r.p99).join(", ");
    console.log(`  medians of ${ROUNDS} runs each, alternated; p99 per run: bare proxy ${p99s(baselinePacedRuns)}, gateway ${p99s(gatewayPacedRuns)}`);
    console.log(
      `  the same rate in autocannon's bursts (each second's quota at full speed, in whole ms): p99 bare proxy ${baselineHalf.p99} ms, ` +
        `gateway ${gatewayHalf.p99} ms, added ${addedBursts.toFixed(1)} ms`,
    );
    console.log(
      "CPU ratio: the bare proxy's CPU per request over the gateway's, what the rate ratio tends to on an idle machine " +
        `(load average now ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores).`,
    );

    const onOff = analyticsOn.rps / analyticsOff.rps;
    const cpuOnOff = analyticsOn.cpuPerK && analyticsOff.cpuPerK ? analyticsOff.cpuPerK / analyticsOn.cpuPerK : undefined;
    console.log("");
    console.log(`${"key + rate limit, GATEWAY_WORKERS=1".padEnd(42)}     req/s   p50 ms   p99 ms   CPU ms/1k req   (median of ${ANALYTICS_ROUNDS} runs each, alternated)`);
    console.log(`  runs, req/s (CPU ms/1k req): off ${perRun(offRuns)}; on ${perRun(onRuns)}`);
    for (const [name, m] of [["analytics off", analyticsOff], ["analytics on", analyticsOn]] as const) {
      console.log(`${name.padEnd(42)}${fmt(m.rps)}${fmt(m.p50, 1)}${fmt(m.p99, 1)}${m.cpuPerK === null ? "n/a".padStart(16) : fmt(m.cpuPerK, 0).padStart(16)}`);
    }
    console.log(
      `analytics on / off: throughput ${onOff.toFixed(3)}x (target >= 0.95x: ${check(onOff >= 0.95)})` +
        (cpuOnOff === undefined ? "" : `, CPU per request ${cpuOnOff.toFixed(3)}x (off's over on's)`),
    );
    // autocannon does not count the requests still in flight when a run stops (one per connection and run).
    console.log(
      `analytics queue: ${queued.records} records in ${queued.jobs} jobs for ${analyticsOn.answered + warmUpRecorded} requests counted with analytics on ` +
        `(+1 start-up probe, + up to ${(2 * ANALYTICS_ROUNDS + 3) * CONNECTIONS} cut off when a run stops)`,
    );
    if (keyRate.non2xx + jwtRate.non2xx + keyRate2.non2xx + analyticsOn.non2xx + gatewayPaced.non2xx + gatewayPaced.errors > 0) process.exitCode = 1;
  } finally {
    await Promise.all(
      children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : (c.once("exit", resolve), c.kill("SIGTERM"))))),
    );
    await publisher.cleanupAndClose();
    await idp.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
