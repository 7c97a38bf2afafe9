// GATEWAY_WORKERS=2: the compiled gateway (`node main.js`, as production runs it) forks two
// workers sharing its port. Both serve (each answers /healthz with its pid, and the primary's
// /metrics sums what both counted); a worker that dies is replaced and the gateway keeps
// serving; SIGTERM drains both and the primary exits cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackend, type TestBackend } from "@/gateway-worker/test/helpers/backend";
import { createConfigPublisher, type ConfigPublisher } from "@/gateway-worker/test/helpers/publish-config";
import { makeApi, makeSnapshot } from "@/gateway-worker/test/helpers/snapshots";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { freePort } from "../support/free-port";
import { compileGateway, gatewayProcessEnv } from "../support/gateway-process";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const root = path.resolve(__dirname, "../..");
// Compiled apart from gateway-worker/dist (other runs rebuild and clean it), beside it for its node_modules.
const outDir = path.join(root, "gateway-worker", `.test-build-workers-${randomUUID()}`);
const prefix = `gateway-workers-${randomUUID()}`;

let backend: TestBackend;
let publisher: ConfigPublisher;
let primary: ChildProcess;
let gatewayPort: number;
let metricsPort: number;


/** One request on a connection of its own (the cluster hands out connections, not requests). */
function get(port: number, urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: urlPath, agent: false, headers: { connection: "close" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.once("error", reject);
    // A connection handed to a worker at the moment it dies is never answered: give up on it.
    req.setTimeout(3_000, () => req.destroy(new Error(`no answer to ${urlPath}`)));
  });
}

/** The pids of the workers answering /healthz over `tries` fresh connections. */
async function answeringWorkers(tries = 20): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < tries; i++) {
    const { status, body } = await get(gatewayPort, "/healthz");
    expect(status).toBe(200);
    const health = JSON.parse(body) as { configVersion: number | null; worker?: number };
    expect(health.configVersion).toBe(1);
    if (health.worker !== undefined) pids.add(health.worker);
  }
  return pids;
}

/** Sum of a counter's samples whose labels include `labels`, in the primary's /metrics. */
async function counterSum(name: string, labels: string): Promise<number> {
  const { status, body } = await get(metricsPort, "/metrics");
  expect(status).toBe(200);
  return body
    .split("\n")
    .filter((line) => line.startsWith(`${name}{`) && line.includes(labels))
    .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
}

beforeAll(async () => {
  await compileGateway(outDir);
  backend = await startBackend("workers");
  publisher = createConfigPublisher(REDIS_URL, prefix);
  const open = { required: false, header: "Ocp-Apim-Subscription-Key", query: "subscription-key" };
  await publisher.publish(makeSnapshot({ apis: [makeApi({ path: "demo", subscription: open, backends: [{ url: backend.url, weight: 1 }] })], products: [], subscriptions: [] }));
  [gatewayPort, metricsPort] = [await freePort(), await freePort()];
  primary = spawn(process.execPath, [path.join(outDir, "main.js")], {
    env: gatewayProcessEnv({ port: gatewayPort, metricsPort, workers: 2, redisUrl: REDIS_URL, prefix }),
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitFor(async () => {
    if (primary.exitCode !== null) throw new Error(`gateway exited with ${primary.exitCode}`);
    expect((await answeringWorkers(4)).size).toBeGreaterThan(0);
  }, 30_000, 200);
}, 180_000);

afterAll(async () => {
  if (primary && primary.exitCode === null) {
    primary.kill("SIGKILL");
    await new Promise((resolve) => primary.once("exit", resolve));
  }
  await publisher?.cleanupAndClose();
  await backend?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe("GATEWAY_WORKERS=2", () => {
  let firstPids: number[] = [];

  it("serves from two worker processes, and the primary's /metrics counts the requests of both", async () => {
    const pids = await waitFor(async () => {
      const seen = await answeringWorkers();
      expect(seen.size).toBe(2);
      return seen;
    }, 20_000, 200);
    firstPids = [...pids];
    expect(firstPids).not.toContain(primary.pid);

    const before = await counterSum("portcullis_gateway_requests_total", 'status_class="2xx"');
    for (let i = 0; i < 10; i++) expect((await get(gatewayPort, `/demo/call-${i}`)).status).toBe(200);
    // Each worker observes a request when its response closes: the sum reaches +10 shortly after.
    await waitFor(async () => expect(await counterSum("portcullis_gateway_requests_total", 'status_class="2xx"')).toBe(before + 10), 5_000, 100);
    const metrics = (await get(metricsPort, "/metrics")).body;
    expect(metrics).toMatch(/^portcullis_gateway_config_version 1$/m);
  }, 60_000);

  it("replaces a worker that dies and keeps serving meanwhile", async () => {
    expect(firstPids).toHaveLength(2);
    const [killed, survivor] = firstPids;
    process.kill(killed, "SIGKILL");
    // Until the primary has reaped the dead worker it may still hand it a connection, which is never
    // answered; once reaped (the pid is gone) the worker is out of the round robin.
    await waitFor(async () => expect(() => process.kill(killed, 0)).toThrow(), 10_000, 50);
    // The survivor takes every connection until the replacement listens.
    await waitFor(async () => expect((await get(gatewayPort, "/demo/after-kill")).status).toBe(200), 5_000, 100);
    for (let i = 0; i < 5; i++) expect((await get(gatewayPort, `/demo/after-kill-${i}`)).status).toBe(200);
    const pids = await waitFor(async () => {
      const seen = await answeringWorkers();
      expect(seen.size).toBe(2);
      expect(seen.has(killed)).toBe(false);
      return seen;
    }, 30_000, 200);
    expect(pids.has(survivor)).toBe(true);
  }, 60_000);

  it("drains both workers on SIGTERM and exits 0", async () => {
    const workers = [...(await answeringWorkers())];
    const exited = new Promise<number | null>((resolve) => primary.once("exit", (code) => resolve(code)));
    primary.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow(); // gone too
  }, 30_000);
});
