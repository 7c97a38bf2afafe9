// Resilient backends through a real gateway and real backend servers: weights,
// passive ejection with retries of idempotent requests, re-admission by the
// active health check, the circuit breaker (open, half-open, closed, kept across
// a config swap), POST never retried, connect and response timeouts, W3C
// traceparent. TLS to backends is in backend-tls.integration.test.ts.
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BackendSettings, GatewayApi } from "../src/contract/config-snapshot";
import { getJson, setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { HEALTH_PATH, startControllableBackend, type ControllableBackend } from "./helpers/controllable-backend";
import { makeApi, makeSnapshot } from "./helpers/snapshots";
import { waitFor } from "./helpers/wait-for";

let fx: Fixture;
let gatewayUrl: string;
let version = 0;
const backends: Record<string, ControllableBackend> = {};
let deadUrl: string;
let silentTls: net.Server;
/** Set by the config-swap test: the next snapshots leave r2 out of /recover. */
let withoutR2 = false;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function api(id: string, members: { url: string; weight?: number }[], backendSettings?: BackendSettings): GatewayApi {
  return makeApi({
    id,
    name: id,
    path: id,
    backends: members.map((m) => ({ url: m.url, weight: m.weight ?? 1 })),
    subscription: { required: false, header: "Ocp-Apim-Subscription-Key", query: "subscription-key" },
    ...(backendSettings ? { backendSettings } : {}),
  });
}

function snapshot() {
  const b = backends;
  return makeSnapshot({
    version: ++version,
    products: [],
    subscriptions: [],
    apis: [
      api("weights", [{ url: b.w1.url, weight: 3 }, { url: b.w2.url, weight: 1 }]),
      api("eject", [{ url: b.e1.url }, { url: b.e2.url }], { passiveEjection: { consecutiveFailures: 1, ejectSeconds: 300 }, retry: { maxRetries: 1 } }),
      api("recover", withoutR2 ? [{ url: b.r1.url }] : [{ url: b.r1.url }, { url: b.r2.url }], {
        passiveEjection: { consecutiveFailures: 1, ejectSeconds: 300 },
        healthCheck: { path: HEALTH_PATH, intervalSeconds: 1, timeoutMs: 500, healthyThreshold: 1, unhealthyThreshold: 1 },
      }),
      api("breaker", [{ url: b.c1.url }, { url: b.c2.url }], {
        passiveEjection: null,
        circuitBreaker: { failureThreshold: 2, openSeconds: 1, halfOpenRequests: 1 },
      }),
      api("lonely", [{ url: b.l1.url }], { circuitBreaker: { failureThreshold: 1, openSeconds: 300, halfOpenRequests: 1 } }),
      api("post", [{ url: deadUrl }, { url: b.p1.url }], { passiveEjection: null, retry: { maxRetries: 1 } }),
      api("slow", [{ url: b.s1.url }, { url: b.s2.url }], { timeouts: { responseMs: 200 }, retry: { maxRetries: 1 } }),
      api("connect", [{ url: `https://127.0.0.1:${(silentTls.address() as AddressInfo).port}` }], {
        timeouts: { connectMs: 200, responseMs: 10_000 },
      }),
      api("trace", [{ url: b.t1.url }]),
    ],
  });
}

beforeAll(async () => {
  fx = await setUpFixture("backends");
  for (const name of ["w1", "w2", "e1", "e2", "r1", "r2", "c1", "c2", "l1", "p1", "s1", "s2", "t1"]) {
    backends[name] = await startControllableBackend(name);
  }
  const dead = await startControllableBackend("dead");
  deadUrl = dead.url;
  await dead.stop();
  // Accepts TCP and then says nothing: a TLS handshake with it never completes.
  silentTls = net.createServer(() => undefined);
  await new Promise<void>((resolve) => silentTls.listen(0, "127.0.0.1", resolve));
  await fx.publisher.publish(snapshot());
  const started = await fx.startGateway({ backendTimeoutMs: 5000 });
  gatewayUrl = started.url;
});
afterAll(async () => {
  await fx?.teardown();
  await Promise.all(Object.values(backends).map((b) => b.stop()));
  silentTls?.close();
});

const call = (path: string, init: RequestInit = {}) => fetch(`${gatewayUrl}${path}`, init).then(async (res) => ({ status: res.status, text: await res.text(), headers: res.headers }));
const codeOf = (text: string) => (JSON.parse(text) as { error?: { code: string } }).error?.code;

describe("weighted backends", () => {
  it("shares requests by weight (3:1), exactly over whole cycles", async () => {
    const results = await Promise.all(Array.from({ length: 40 }, () => call("/weights/x")));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect([backends.w1.hits, backends.w2.hits]).toEqual([30, 10]);
  });
});

describe("passive ejection and retries", () => {
  it("a backend that dies is ejected, and no idempotent request fails: the failed try is retried on the other", async () => {
    for (let i = 0; i < 6; i++) expect((await call("/eject/a")).status).toBe(200);
    expect(backends.e2.hits).toBe(3);
    await backends.e2.stop();
    const methods = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"];
    const statuses = [];
    for (let round = 0; round < 4; round++) {
      statuses.push(...(await Promise.all(methods.map((method) => call("/eject/a", { method }).then((r) => r.status)))));
    }
    expect(statuses).toEqual(Array(20).fill(200));
    expect(fx.logLines.some((l) => l.includes("retrying on another"))).toBe(true);
    // Ejected for 300 s: once out, it is not tried again (no further retries logged).
    const retries = fx.logLines.filter((l) => l.includes("retrying on another")).length;
    for (let i = 0; i < 10; i++) expect((await call("/eject/a")).status).toBe(200);
    expect(fx.logLines.filter((l) => l.includes("retrying on another")).length).toBe(retries);
  });

  it("a POST is never retried: it gets 502 backend_unavailable, and the other backend never sees it", async () => {
    const before = backends.p1.hits;
    const post = await call("/post/orders", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect([post.status, codeOf(post.text)]).toEqual([502, "backend_unavailable"]);
    expect(backends.p1.hits).toBe(before);
    // The next pick is the live backend; a GET that lands on the dead one would be retried.
    expect((await call("/post/orders")).status).toBe(200);
    expect((await call("/post/orders")).status).toBe(200);
  });
});

describe("active health checks", () => {
  it("re-admit an ejected backend once it recovers, long before its passive cool-off ends", async () => {
    await backends.r2.stop();
    for (let i = 0; i < 6; i++) await call("/recover/a"); // r2 is ejected at the first failure (retried on r1)
    const hitsWhileDown = backends.r2.hits;
    await backends.r2.start();
    await waitFor(async () => {
      await call("/recover/a");
      expect(backends.r2.hits).toBeGreaterThan(hitsWhileDown);
    }, 5000, 100);
  });

  it("take a backend out when its health path fails, and back in when it passes", async () => {
    backends.r1.healthStatus = 503;
    await waitFor(async () => {
      const before = backends.r1.hits;
      for (let i = 0; i < 4; i++) expect((await call("/recover/a")).status).toBe(200);
      expect(backends.r1.hits).toBe(before);
    }, 5000, 100);
    backends.r1.healthStatus = 200;
    await waitFor(async () => {
      const before = backends.r1.hits;
      for (let i = 0; i < 4; i++) await call("/recover/a");
      expect(backends.r1.hits).toBeGreaterThan(before);
    }, 5000, 100);
  });
});

describe("circuit breaker", () => {
  it("opens after failures, survives a config swap, half-opens for one trial, reopens on failure and closes on success", async () => {
    backends.c2.status = 500;
    const first = [];
    for (let i = 0; i < 8; i++) first.push((await call("/breaker/a")).status);
    expect(first.filter((s) => s === 500)).toHaveLength(2); // c2's two failures open its breaker
    expect(backends.c2.hits).toBe(2);

    // A new config with the same URLs keeps the open breaker.
    await fx.publisher.publish(snapshot());
    await waitFor(async () => expect(JSON.parse((await call("/healthz")).text).configVersion).toBe(version));
    for (let i = 0; i < 4; i++) expect((await call("/breaker/a")).status).toBe(200);
    expect(backends.c2.hits).toBe(2);

    await sleep(1100); // half-open: one trial, which fails and reopens
    const trial = [];
    for (let i = 0; i < 6; i++) trial.push((await call("/breaker/a")).status);
    expect(trial.filter((s) => s === 500)).toHaveLength(1);
    expect(backends.c2.hits).toBe(3);

    backends.c2.status = 200;
    await sleep(1100); // the next trial succeeds and closes it: c2 is back in the rotation
    for (let i = 0; i < 8; i++) expect((await call("/breaker/a")).status).toBe(200);
    expect(backends.c2.hits).toBeGreaterThanOrEqual(3 + 4);
  });

  it("with every breaker open, answers 503 no_healthy_backend with Retry-After", async () => {
    backends.l1.status = 502;
    expect((await call("/lonely/a")).status).toBe(502); // the backend's own answer, relayed
    const refused = await call("/lonely/a");
    expect([refused.status, codeOf(refused.text)]).toEqual([503, "no_healthy_backend"]);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(backends.l1.hits).toBe(1);
  });
});

describe("timeouts", () => {
  it("a response timeout answers 504 backend_timeout and is not retried on the other backend", async () => {
    const before = backends.s1.hits + backends.s2.hits;
    const res = await call("/slow/hang");
    expect([res.status, codeOf(res.text)]).toEqual([504, "backend_timeout"]);
    expect(backends.s1.hits + backends.s2.hits).toBe(before + 1);
  });

  it("a connect timeout (a TLS handshake that never completes) answers 504 backend_timeout", async () => {
    const res = await call("/connect/a");
    expect([res.status, codeOf(res.text)]).toEqual([504, "backend_timeout"]);
  });
});

describe("trace context (W3C traceparent)", () => {
  const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
  const lastSeen = () => backends.t1.received.at(-1)!.headers;
  const accessLog = (traceId: string) =>
    fx.logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === "request" && l.traceId === traceId);

  it("starts a trace when none comes in, sends it to the backend and logs it", async () => {
    expect((await call("/trace/a", { headers: { tracestate: "vendor=orphan" } })).status).toBe(200);
    const seen = lastSeen();
    const [, traceId, spanId, flags] = TRACEPARENT.exec(String(seen.traceparent))!;
    expect(flags).toBe("01");
    expect(seen.tracestate).toBeUndefined(); // meaningless without a parent
    await waitFor(async () => expect(accessLog(traceId)).toMatchObject({ traceId, spanId, apiId: "trace", status: 200 }));
    // The forwarding headers the gateway always sets travel beside it.
    expect(seen["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen["x-forwarded-proto"]).toBe("http");
    expect(seen["x-forwarded-host"]).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(seen.forwarded).toMatch(/^for=127\.0\.0\.1;host="127\.0\.0\.1:\d+";proto=http$/);
  });

  it("joins the caller's trace with the gateway's own span as parent, keeping tracestate", async () => {
    const incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    await call("/trace/a", { headers: { traceparent: incoming, tracestate: "congo=t61rcWkgMzE" } });
    const seen = lastSeen();
    const [, traceId, spanId] = TRACEPARENT.exec(String(seen.traceparent))!;
    expect(traceId).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
    expect(spanId).not.toBe("00f067aa0ba902b7");
    expect(seen.tracestate).toBe("congo=t61rcWkgMzE");
    await waitFor(async () => expect(accessLog(traceId)).toMatchObject({ spanId }));
  });

  it.each([
    ["all-zero trace id", "00-00000000000000000000000000000000-00f067aa0ba902b7-01"],
    ["version ff", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"],
    ["upper case", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01"],
    ["garbage", "hello"],
  ])("replaces an invalid traceparent (%s) with a new trace", async (_label, incoming) => {
    await call("/trace/a", { headers: { traceparent: incoming } });
    const [, traceId] = TRACEPARENT.exec(String(lastSeen().traceparent))!;
    expect(traceId).not.toBe("4bf92f3577b34da6a3ce929d0e0e4736");
    expect(traceId).not.toBe("0".repeat(32));
  });
});

describe("config swaps", () => {
  it("stop the health checks of a backend the new config no longer has, and keep those of the others", async () => {
    withoutR2 = true;
    await fx.publisher.publish(snapshot());
    await waitFor(async () => expect(JSON.parse((await call("/healthz")).text).configVersion).toBe(version));
    await sleep(300); // a probe already out may still land
    const [r1Before, r2Before] = [backends.r1.healthChecks, backends.r2.healthChecks];
    await sleep(2200);
    expect(backends.r2.healthChecks).toBe(r2Before);
    expect(backends.r1.healthChecks).toBeGreaterThan(r1Before);
  });
});

describe("a dead backend never takes the gateway down", () => {
  it("keeps answering health checks and other APIs", async () => {
    expect((await getJson(`${gatewayUrl}/healthz`)).status).toBe(200);
    expect((await call("/weights/x")).status).toBe(200);
  });
});
