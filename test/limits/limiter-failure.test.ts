// Redis unreachable: the gateway keeps serving with its last config; an API
// failing open ("open", the default) is limited by each instance on its own,
// one failing closed answers 503 limiter_unavailable; both recover by
// themselves when Redis returns. Against a redis-server this test starts and
// stops, never the machine's.
import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackend, type TestBackend } from "@/gateway-worker/test/helpers/backend";
import { createConfigPublisher, type ConfigPublisher } from "@/gateway-worker/test/helpers/publish-config";
import { makeApi, makeProduct, makeSnapshot, makeSubscription } from "@/gateway-worker/test/helpers/snapshots";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { createGateway, type Gateway } from "@/gateway-worker/src/server";
import { startOwnRedisServer, type OwnRedisServer } from "../config-channel/own-redis-server";

const KEY = "limiter-failure-key-0123456789";
let redis: OwnRedisServer;
let backend: TestBackend;
let publisher: ConfigPublisher;
let gateway: Gateway;
let url: string;
const logLines: string[] = [];

beforeAll(async () => {
  redis = await startOwnRedisServer();
  backend = await startBackend("limited");
  const prefix = `limiter-failure-${randomUUID()}`;
  publisher = createConfigPublisher(redis.url, prefix);
  const limit = { rateLimit: { calls: 3, periodSeconds: 60 } };
  const api = (id: string, onLimiterFailure: "open" | "closed") =>
    makeApi({ id, path: id, backends: [{ url: backend.url, weight: 1 }], policy: { ...limit, onLimiterFailure } });
  await publisher.publish(
    makeSnapshot({
      apis: [api("fails-open", "open"), api("fails-closed", "closed")],
      products: [makeProduct({ apiIds: ["fails-open", "fails-closed"] })],
      subscriptions: [makeSubscription({ keys: [KEY] })],
    }),
  );
  gateway = createGateway({
    redisUrl: redis.url,
    prefix,
    pollIntervalMs: 60_000,
    logger: pino({ level: "info" }, { write: (line: string) => void logLines.push(line) }),
  });
  url = `http://127.0.0.1:${await gateway.listen(0, "127.0.0.1")}`;
});

afterAll(async () => {
  await gateway?.close(0);
  await publisher?.cleanupAndClose().catch(() => undefined);
  await backend?.close();
  await redis?.stop();
});

const call = async (path: string) => {
  const res = await fetch(`${url}/${path}/x`, { headers: { "Ocp-Apim-Subscription-Key": KEY } });
  const body = (await res.json()) as { error?: { code: string } };
  return { status: res.status, code: body.error?.code, retryAfter: res.headers.get("retry-after"), rateLimit: res.headers.get("ratelimit") };
};
const readiness = async () => {
  const res = await fetch(`${url}/readyz`);
  const body = (await res.json()) as { checks?: Record<string, { ready: boolean }> };
  return { status: res.status, limiterReady: body.checks?.limiter?.ready };
};
const statuses = async (path: string, n: number) => {
  const seen: number[] = [];
  for (let i = 0; i < n; i++) seen.push((await call(path)).status);
  return seen;
};

describe("limiter failure", () => {
  it("counts in Redis while it is up", async () => {
    expect(await statuses("fails-open", 5)).toEqual([200, 200, 200, 429, 429]);
    expect(await statuses("fails-closed", 4)).toEqual([200, 200, 200, 429]);
    expect(gateway.limiterStats()).toMatchObject({ localDecisions: 0, refusedUnavailable: 0 });
    expect(await readiness()).toEqual({ status: 200, limiterReady: true });
  });

  it("fails open with per-instance counters, or closed with 503 limiter_unavailable, while Redis is down", async () => {
    await redis.stop();
    // Still limited, now by this instance's own counters (which start empty).
    expect(await statuses("fails-open", 5)).toEqual([200, 200, 200, 429, 429]);
    const closed = await call("fails-closed");
    expect([closed.status, closed.code, closed.retryAfter]).toEqual([503, "limiter_unavailable", "1"]);
    expect(gateway.limiterStats().localDecisions).toBeGreaterThanOrEqual(5);
    expect(gateway.limiterStats().refusedUnavailable).toBeGreaterThanOrEqual(1);
    expect(logLines.some((l) => l.includes("limiter Redis unreachable"))).toBe(true);
    // An API fails closed, so this gateway would refuse its calls: not ready for a load balancer.
    expect(await readiness()).toEqual({ status: 503, limiterReady: false });
  });

  it("recovers by itself when Redis returns: shared counters again, and the closed API admits", async () => {
    redis = await startOwnRedisServer(redis.port); // an empty Redis on the same address
    await waitFor(async () => expect((await call("fails-closed")).status).toBe(200), 10_000, 200);
    const before = gateway.limiterStats().localDecisions;
    expect(await statuses("fails-closed", 3)).toEqual([200, 200, 429]);
    expect(await statuses("fails-open", 4)).toEqual([200, 200, 200, 429]);
    expect(gateway.limiterStats().localDecisions).toBe(before);
    expect(logLines.some((l) => l.includes("limiter Redis reachable again"))).toBe(true);
    expect(await readiness()).toEqual({ status: 200, limiterReady: true });
  });
});
