// GET /api/v1/gateways: running gateways register themselves in Redis, and the
// console lists them, judged against the snapshot Redis holds: ok, lagging
// (older config than Redis, past a heartbeat's grace) or silent (no heartbeat).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as gatewaysRoute from "@/app/api/v1/gateways/route";
import * as productsRoute from "@/app/api/v1/products/route";
import {
  gatewayRegistryNames,
  gatewayStatus,
  LAG_GRACE_MS,
  type GatewayRegistration,
} from "@/gateway-worker/src/contract/gateway-registry";
import { createGateway, type Gateway } from "@/gateway-worker/src/server";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { readLatestSnapshot } from "../support/latest-snapshot";

const names = () => gatewayRegistryNames(env().CONFIG_CHANNEL_PREFIX);
let gateway: Gateway;

beforeAll(async () => {
  gateway = createGateway({ redisUrl: env().REDIS_URL, prefix: env().CONFIG_CHANNEL_PREFIX, pollIntervalMs: 600_000, heartbeatIntervalMs: 200, instanceId: "gw-listed" });
  await gateway.listen(0, "127.0.0.1");
});
afterAll(async () => {
  await gateway?.close(0);
  await redis().del(names().instanceKey("gw-fake"));
  await redis().zrem(names().indexKey, "gw-fake");
});

const list = () => callRoute(gatewaysRoute.GET, { path: "/gateways" });

async function writeFake(overrides: Partial<GatewayRegistration>) {
  const now = new Date().toISOString();
  const fake: GatewayRegistration = {
    id: "gw-fake",
    host: "elsewhere",
    version: "0.1.0",
    startedAt: now,
    lastHeartbeatAt: now,
    heartbeatIntervalMs: 200,
    configVersion: null,
    lastRejectedSnapshot: null,
    requestsPerSecond: 0,
    ...overrides,
  };
  await redis().multi().set(names().instanceKey(fake.id), JSON.stringify(fake), "EX", 60).zadd(names().indexKey, Date.now(), fake.id).exec();
}

describe("GET /api/v1/gateways", () => {
  it("lists a running gateway at the latest config version, ok", async () => {
    const created = await callRoute(productsRoute.POST, { method: "POST", body: { name: `Registry ${uniquePath("reg")}`, apiIds: [], state: "published" } });
    expect(created.status).toBe(201);
    const latest = (await readLatestSnapshot()).version;
    const listed = await waitFor(async () => {
      const res = await list();
      expect(res.status).toBe(200);
      const mine = res.body.items.find((g: { id: string }) => g.id === "gw-listed");
      expect(mine?.configVersion).toBe(latest);
      return mine;
    }, 5000);
    expect(listed).toEqual({
      id: "gw-listed",
      host: expect.any(String),
      version: "0.1.0",
      configVersion: latest,
      startedAt: expect.any(String),
      lastHeartbeatAt: expect.any(String),
      status: "ok",
      requestsPerSecond: expect.any(Number),
    });
  });

  it("flags a gateway without heartbeat as silent and shows the snapshot it refused", async () => {
    const old = new Date(Date.now() - 60_000).toISOString();
    await writeFake({ lastHeartbeatAt: old, lastRejectedSnapshot: { version: 7, error: "failed validation: apis: expected array", at: old } });
    const fake = (await list()).body.items.find((g: { id: string }) => g.id === "gw-fake");
    expect(fake).toMatchObject({ status: "silent", lastError: "refused snapshot v7: failed validation: apis: expected array" });
  });

  it("drops a registration that expired from the index", async () => {
    await redis().zadd(names().indexKey, Date.now(), "gw-gone");
    const ids = (await list()).body.items.map((g: { id: string }) => g.id);
    expect(ids).not.toContain("gw-gone");
    expect(await redis().zscore(names().indexKey, "gw-gone")).toBeNull();
  });

  it("flags a gateway that still serves an older config once it had time to catch up as lagging", async () => {
    const latest = await readLatestSnapshot();
    // Heartbeats keep coming (not silent), but with the version before the latest.
    await waitFor(
      async () => {
        await writeFake({ configVersion: latest.version - 1 });
        const fake = (await list()).body.items.find((g: { id: string }) => g.id === "gw-fake");
        expect(fake.status).toBe("lagging");
      },
      200 + LAG_GRACE_MS + 5_000,
      250,
    );
  });
});

describe("gatewayStatus", () => {
  const now = Date.parse("2026-12-02T12:00:00Z");
  const at = (msAgo: number) => new Date(now - msAgo).toISOString();
  const base = { id: "g", host: "h", version: "0.1.0", startedAt: at(60_000), heartbeatIntervalMs: 10_000, lastRejectedSnapshot: null, requestsPerSecond: 0 };
  it.each([
    ["fresh and current", { lastHeartbeatAt: at(1_000), configVersion: 5 }, { version: 5, generatedAt: at(60_000) }, "ok"],
    ["ahead of Redis (Redis restarted empty)", { lastHeartbeatAt: at(1_000), configVersion: 6 }, { version: 5, generatedAt: at(60_000) }, "ok"],
    ["behind a snapshot stored a moment ago", { lastHeartbeatAt: at(1_000), configVersion: 4 }, { version: 5, generatedAt: at(2_000) }, "ok"],
    ["behind a snapshot stored long ago", { lastHeartbeatAt: at(1_000), configVersion: 4 }, { version: 5, generatedAt: at(60_000) }, "lagging"],
    ["without any config, long after one was stored", { lastHeartbeatAt: at(1_000), configVersion: null }, { version: 5, generatedAt: at(60_000) }, "lagging"],
    ["nothing stored yet", { lastHeartbeatAt: at(1_000), configVersion: null }, null, "ok"],
    ["two missed heartbeats", { lastHeartbeatAt: at(25_000), configVersion: 5 }, { version: 5, generatedAt: at(60_000) }, "ok"],
    ["three missed heartbeats", { lastHeartbeatAt: at(31_000), configVersion: 5 }, { version: 5, generatedAt: at(60_000) }, "silent"],
  ] as const)("%s", (_label, fields, latest, status) => {
    expect(gatewayStatus({ ...base, ...fields }, latest, now)).toBe(status);
  });
});
