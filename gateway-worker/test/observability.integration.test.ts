// What a gateway tells the people who run it, through a real gateway and Redis:
// /healthz (alive) and /readyz (ready: a config and every readiness check),
// Prometheus /metrics on its own port (requests, latencies, rejections by
// reason, config version, Redis errors), and its registration in Redis
// (what the console's Gateways page lists), removed when it stops cleanly.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayErrors } from "../src/http/errors";
import { gatewayRegistrationSchema, gatewayRegistryNames } from "../src/contract/gateway-registry";
import { REJECTION_REASON_BY_CODE, rejectionReason } from "../src/observability/rejection-reasons";
import type { Gateway } from "../src/server";
import { getJson, KEY, KEY_HEADER, REDIS_URL, setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { waitFor } from "./helpers/wait-for";

let fx: Fixture;
let redis: Redis;
let live: { gateway: Gateway; url: string };
let extraReady = true;
const metricsUrl = () => `http://127.0.0.1:${live.gateway.metricsPort()}/metrics`;

beforeAll(async () => {
  fx = await setUpFixture("observability");
  redis = new Redis(REDIS_URL);
  live = await fx.startGateway({
    metricsPort: 0,
    heartbeatIntervalMs: 200,
    instanceId: "gw-observed",
    // A check registered from outside, beside the gateway's own (config, limiter).
    readinessChecks: [{ name: "extra", check: () => ({ ready: extraReady, ...(extraReady ? {} : { detail: "the extra check fails" }) }) }],
  });
});
afterAll(async () => {
  await fx?.teardown();
  await redis?.quit();
});

/** One sample's value from the Prometheus text format, 0 when the series does not exist yet. */
async function sample(name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(metricsUrl())).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split("\n")) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? "").split(",");
    if (wanted.every((w) => have.includes(w))) return Number(match[3]);
  }
  return 0;
}

const registration = async () => {
  const raw = await redis.get(gatewayRegistryNames(fx.prefix).instanceKey("gw-observed"));
  return raw === null ? null : gatewayRegistrationSchema.parse(JSON.parse(raw));
};

describe("probes", () => {
  it("is live but not ready before a config arrives, then ready", async () => {
    expect(await getJson(`${live.url}/healthz`)).toMatchObject({ status: 200, body: { status: "ok", configVersion: null } });
    const before = await getJson(`${live.url}/readyz`);
    expect(before.status).toBe(503);
    expect(before.body).toEqual({
      status: "not_ready",
      configVersion: null,
      checks: { config: { ready: false, detail: "no config received yet" }, limiter: { ready: true }, extra: { ready: true } },
    });

    await fx.publisher.publish(fx.snapshot(1));
    await waitFor(async () => expect((await getJson(`${live.url}/readyz`)).status).toBe(200));
    expect((await getJson(`${live.url}/readyz`)).body).toEqual({ status: "ready", configVersion: 1, checks: { config: { ready: true }, limiter: { ready: true }, extra: { ready: true } } });
  });

  it("is not ready while a registered check fails, and says which", async () => {
    extraReady = false;
    try {
      const res = await getJson(`${live.url}/readyz`);
      expect(res.status).toBe(503);
      expect(res.body.checks.extra).toEqual({ ready: false, detail: "the extra check fails" });
      expect((await getJson(`${live.url}/healthz`)).status).toBe(200); // still alive
    } finally {
      extraReady = true;
    }
  });

  it("answers probes only to GET and HEAD", async () => {
    const res = await fetch(`${live.url}/readyz`, { method: "POST" });
    expect([res.status, res.headers.get("allow")]).toEqual([405, "GET, HEAD"]);
  });
});

describe("metrics", () => {
  it("counts requests by API and status class, with latency and upstream latency", async () => {
    const before = await sample("portcullis_gateway_requests_total", { api: "api-demo", status_class: "2xx" });
    const upstreamBefore = await sample("portcullis_gateway_upstream_duration_seconds_count", { api: "api-demo" });
    for (let i = 0; i < 3; i++) expect((await getJson(`${live.url}/demo/orders`, { [KEY_HEADER]: KEY })).status).toBe(200);
    expect(await sample("portcullis_gateway_requests_total", { api: "api-demo", status_class: "2xx" })).toBe(before + 3);
    expect(await sample("portcullis_gateway_upstream_duration_seconds_count", { api: "api-demo" })).toBe(upstreamBefore + 3);
    expect(await sample("portcullis_gateway_request_duration_seconds_count", { api: "api-demo" })).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ["no key", "/demo/orders", {}, "api-demo", "key"],
    ["wrong key", "/demo/orders", { [KEY_HEADER]: "nope" }, "api-demo", "key"],
    ["no API at the path", "/nowhere", {}, "(none)", "route"],
    ["retired API", "/old/x", { [KEY_HEADER]: KEY }, "api-old", "lifecycle"],
    ["dead backend", "/down/x", { [KEY_HEADER]: KEY }, "api-down", "backend"],
  ])("counts a rejection (%s) by its reason", async (_label, path, headers, api, reason) => {
    const before = await sample("portcullis_gateway_rejections_total", { api, reason });
    await getJson(`${live.url}${path}`, headers);
    expect(await sample("portcullis_gateway_rejections_total", { api, reason })).toBe(before + 1);
  });

  it("never counts probes as traffic", async () => {
    const before = await sample("portcullis_gateway_requests_total", { api: "(none)", status_class: "2xx" });
    await getJson(`${live.url}/healthz`);
    await getJson(`${live.url}/readyz`);
    expect(await sample("portcullis_gateway_requests_total", { api: "(none)", status_class: "2xx" })).toBe(before);
  });

  it("shows the config version being served", async () => {
    await fx.publisher.publish(fx.snapshot(2));
    await waitFor(async () => expect(await sample("portcullis_gateway_config_version")).toBe(2));
  });

  it("serves only /metrics on the metrics port, and nothing of it on the traffic port", async () => {
    expect((await fetch(metricsUrl().replace("/metrics", "/demo"))).status).toBe(404);
    expect((await getJson(`${live.url}/metrics`)).body.error.code).toBe("route_not_found");
  });

  it("counts Redis errors of a gateway whose Redis is unreachable", async () => {
    const lonely = await fx.startGateway({ redisUrl: "redis://127.0.0.1:9", metricsPort: 0, heartbeatIntervalMs: 200 });
    const url = `http://127.0.0.1:${lonely.gateway.metricsPort()}/metrics`;
    await waitFor(async () => expect(await (await fetch(url)).text()).toMatch(/portcullis_gateway_redis_errors_total\{source="[^"]+"\} [1-9]/), 5000);
    await lonely.gateway.close(0);
  });

  it("has a rejection reason for every error code the gateway answers", () => {
    const unmapped = Object.keys(gatewayErrors).filter((code) => !Object.hasOwn(REJECTION_REASON_BY_CODE, code));
    expect(unmapped).toEqual([]);
    expect(rejectionReason("something_new")).toBe("other");
  });
});

describe("registration in Redis", () => {
  it("registers itself with its config version, request rate and heartbeat", async () => {
    const registered = await waitFor(async () => {
      const r = await registration();
      expect(r?.configVersion).toBe(2);
      return r!;
    });
    expect(registered).toMatchObject({ id: "gw-observed", heartbeatIntervalMs: 200, lastRejectedSnapshot: null, version: "0.1.0" });
    expect(await redis.zscore(gatewayRegistryNames(fx.prefix).indexKey, "gw-observed")).not.toBeNull();
    expect(await redis.ttl(gatewayRegistryNames(fx.prefix).instanceKey("gw-observed"))).toBeGreaterThan(0);

    const firstBeat = registered.lastHeartbeatAt;
    await waitFor(async () => expect((await registration())!.lastHeartbeatAt).not.toBe(firstBeat));
  });

  it("reports traffic as a request rate", async () => {
    let sending = true;
    const traffic = (async () => {
      while (sending) await fetch(`${live.url}/demo/orders`, { headers: { [KEY_HEADER]: KEY } }).then((r) => r.arrayBuffer());
    })();
    try {
      await waitFor(async () => expect((await registration())!.requestsPerSecond).toBeGreaterThan(0), 3000);
    } finally {
      sending = false;
      await traffic;
    }
  });

  it("reports the snapshot it refused, and why, while serving the previous one", async () => {
    await fx.publisher.publishRaw(JSON.stringify({ version: 3, apis: "not a list" }), 3);
    const r = await waitFor(async () => {
      const current = await registration();
      expect(current?.lastRejectedSnapshot?.version).toBe(3);
      return current!;
    });
    expect(r.configVersion).toBe(2);
    expect(r.lastRejectedSnapshot!.error).toMatch(/^failed validation: /);
  });

  it("removes its registration when it stops cleanly", async () => {
    const other = await fx.startGateway({ heartbeatIntervalMs: 200, instanceId: "gw-short-lived" });
    const key = gatewayRegistryNames(fx.prefix).instanceKey("gw-short-lived");
    await waitFor(async () => expect(await redis.exists(key)).toBe(1));
    await other.gateway.close(0);
    expect(await redis.exists(key)).toBe(0);
    expect(await redis.zscore(gatewayRegistryNames(fx.prefix).indexKey, "gw-short-lived")).toBeNull();
  });
});
