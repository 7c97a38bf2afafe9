// The acceptance test: three gateway processes (the compiled gateway,
// `node main.js`, as production runs it) against one Redis, concurrent bursts at
// several subscriptions spread over all three: each subscription gets exactly
// its limit, and once the window has rolled over, exactly its limit again, until
// its quota is used up.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackend, type TestBackend } from "@/gateway-worker/test/helpers/backend";
import { createConfigPublisher, type ConfigPublisher } from "@/gateway-worker/test/helpers/publish-config";
import { makeApi, makeProduct, makeSnapshot, makeSubscription } from "@/gateway-worker/test/helpers/snapshots";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { limitCaller, limitOwner, rateCounterKey } from "@/gateway-worker/src/contract/limit-counters";
import { freePort } from "../support/free-port";
import { compileGateway, gatewayProcessEnv, stopProcess } from "../support/gateway-process";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const root = path.resolve(__dirname, "../..");
// Compiled apart from gateway-worker/dist, which other runs (Playwright, `npm run gateway`) rebuild and clean;
// beside it, so the gateway finds its package.json and node_modules as it does from dist/.
const outDir = path.join(root, "gateway-worker", `.test-build-limits-${randomUUID()}`);
const prefix = `three-gateways-${randomUUID()}`;
const WINDOW_SECONDS = 2;

/** Limits per subscription: rate per 2 s, and for one of them a quota of calls per day. */
const plans = [
  { id: "small", rate: 5, quota: null },
  { id: "medium", rate: 12, quota: null },
  { id: "large", rate: 30, quota: null },
  { id: "quota", rate: 10, quota: 25 },
] as const;

let backend: TestBackend;
let publisher: ConfigPublisher;
let redis: Redis;
const children: ChildProcess[] = [];
const gatewayUrls: string[] = [];

beforeAll(async () => {
  await compileGateway(outDir);
  backend = await startBackend("limited");
  publisher = createConfigPublisher(REDIS_URL, prefix);
  redis = new Redis(REDIS_URL);
  const api = makeApi({ id: "api-burst", path: "burst", backends: [{ url: backend.url, weight: 1 }] });
  await publisher.publish(
    makeSnapshot({
      apis: [api],
      products: plans.map((p) =>
        makeProduct({
          id: `prod-${p.id}`,
          apiIds: [api.id],
          rateLimit: { calls: p.rate, periodSeconds: WINDOW_SECONDS },
          quota: p.quota === null ? null : { calls: p.quota, bandwidthBytes: null, period: "day" },
        }),
      ),
      subscriptions: plans.map((p) => makeSubscription({ id: `sub-${p.id}`, productId: `prod-${p.id}`, keys: [`key-${p.id}-0123456789abcdef`] })),
    }),
  );
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(outDir, "main.js")], {
      // Three single-process gateways: the test is about processes sharing Redis, not about one gateway's workers.
      env: gatewayProcessEnv({ port, redisUrl: REDIS_URL, prefix }),
      stdio: ["ignore", "inherit", "inherit"],
    });
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`gateway process exited with ${child.exitCode}`);
      expect(await fetch(`${url}/healthz`).then((r) => r.json())).toMatchObject({ configVersion: 1 });
    }, 20_000, 100);
    gatewayUrls.push(url);
  }
}, 120_000);

afterAll(async () => {
  await Promise.all(children.map((child) => stopProcess(child)));
  await publisher?.cleanupAndClose();
  redis?.disconnect();
  await backend?.close();
  rmSync(outDir, { recursive: true, force: true });
});

/** Three times each limit, all subscriptions at once, round-robin over the three gateways. */
async function burst(): Promise<Record<string, number>> {
  let turn = 0;
  const results = await Promise.all(
    plans.map(async (plan) => {
      const answers = await Promise.all(
        Array.from({ length: plan.rate * 3 }, () =>
          fetch(`${gatewayUrls[turn++ % 3]}/burst/x`, { headers: { "Ocp-Apim-Subscription-Key": `key-${plan.id}-0123456789abcdef` } }).then(async (res) => {
            await res.arrayBuffer();
            // Admitted calls are forwarded and answered: kept-alive connections the backend closed
            // while idle between bursts are retried on fresh ones (proxy/forwarder.ts), never a 502.
            expect([200, 429]).toContain(res.status);
            return res.status;
          }),
        ),
      );
      return [plan.id, answers.filter((s) => s !== 429).length] as const;
    }),
  );
  return Object.fromEntries(results);
}

/** The window has rolled over once no admitted call is left in any subscription's window (the key expires). */
async function windowsRolledOver() {
  const keys = plans.map((p) => rateCounterKey(prefix, limitOwner.product(`prod-${p.id}`), WINDOW_SECONDS, limitCaller.subscription(`sub-${p.id}`)));
  await waitFor(async () => expect(await redis.exists(...keys)).toBe(0), 10_000, 100);
}

describe("three gateway processes, one Redis", () => {
  it("admit exactly each subscription's limit per window, again after the rollover, until the quota is used up", async () => {
    expect(await burst()).toEqual({ small: 5, medium: 12, large: 30, quota: 10 });
    await windowsRolledOver();
    expect(await burst()).toEqual({ small: 5, medium: 12, large: 30, quota: 10 });
    await windowsRolledOver();
    // The quota subscription has 25 a day: 10 + 10 + 5.
    expect(await burst()).toEqual({ small: 5, medium: 12, large: 30, quota: 5 });
  }, 60_000);
});
