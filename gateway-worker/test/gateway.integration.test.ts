// The gateway end to end, with real Redis and real HTTP: config arrives over
// the channel exactly as the console publishes it, and requests go through to
// a real backend. Tests run in order and share one running gateway ("live"),
// since "changes reach a running gateway" is precisely what is under test.
import { randomUUID } from "node:crypto";
import net from "node:net";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configChannelNames, type GatewayConfigSnapshot } from "../src/contract/config-snapshot";
import { createGateway, type Gateway, type GatewayOptions } from "../src/server";
import { startBackend, type TestBackend } from "./helpers/backend";
import { createConfigPublisher, type ConfigPublisher } from "./helpers/publish-config";
import { makeApi, makeProduct, makeSnapshot, makeSubscription } from "./helpers/snapshots";
import { waitFor } from "./helpers/wait-for";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const PREFIX = `gw-it-${randomUUID()}`;
const KEY = "alice-secret-key-0123456789";
const KEY_HEADER = "ocp-apim-subscription-key";

let backend: TestBackend;
let backendB: TestBackend;
let deadBackendUrl: string;
let publisher: ConfigPublisher;
let live: { gateway: Gateway; url: string };
const logLines: string[] = [];
const gateways: Gateway[] = [];

async function startGateway(overrides: Partial<GatewayOptions> = {}) {
  const logger = pino({ level: "info" }, { write: (line: string) => void logLines.push(line) });
  const gateway = createGateway({ redisUrl: REDIS_URL, prefix: PREFIX, pollIntervalMs: 60_000, backendTimeoutMs: 500, logger, ...overrides });
  gateways.push(gateway);
  const port = await gateway.listen(0, "127.0.0.1");
  return { gateway, url: `http://127.0.0.1:${port}` };
}

/** v1: /demo (key required, via product), /legacy (deprecated), /old (retired), /down (dead backend), /lb (two backends). */
function snapshotV(version: number, withAlice = true): GatewayConfigSnapshot {
  const apiIds = ["api-demo", "api-legacy", "api-old", "api-down", "api-lb"];
  return makeSnapshot({
    version,
    apis: [
      makeApi({ backends: [{ url: `${backend.url}/api`, weight: 1 }] }),
      makeApi({ id: "api-legacy", path: "legacy", lifecycle: "deprecated", backends: [{ url: backend.url, weight: 1 }] }),
      makeApi({ id: "api-old", path: "old", lifecycle: "retired", backends: [{ url: backend.url, weight: 1 }] }),
      makeApi({ id: "api-down", path: "down", backends: [{ url: deadBackendUrl, weight: 1 }] }),
      makeApi({ id: "api-lb", path: "lb", backends: [{ url: backend.url, weight: 1 }, { url: backendB.url, weight: 1 }] }),
    ],
    products: [makeProduct({ apiIds })],
    subscriptions: withAlice ? [makeSubscription({ id: "sub-alice", keys: [KEY] })] : [],
  });
}

async function getJson(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  [backend, backendB] = await Promise.all([startBackend("a"), startBackend("b")]);
  const dead = await startBackend("dead");
  deadBackendUrl = dead.url;
  await dead.close(); // nothing listens on that port any more
  publisher = createConfigPublisher(REDIS_URL, PREFIX);
  live = await startGateway(); // before any snapshot exists
});

afterAll(async () => {
  await Promise.all(gateways.map((g) => g.close(0)));
  await Promise.all([backend?.close(), backendB?.close()]);
  await publisher?.cleanupAndClose();
});

describe("gateway with real Redis", () => {
  it("answers 503 gateway_not_configured until a config arrives; /healthz says so", async () => {
    const res = await getJson(`${live.url}/demo/orders`);
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.body.error.code).toBe("gateway_not_configured");
    expect((await getJson(`${live.url}/healthz`)).body).toEqual({ status: "ok", configVersion: null, apis: 0 });
  });

  it("picks up a published snapshot while running", async () => {
    expect(await publisher.publish(snapshotV(1))).toBe(true);
    await waitFor(async () => expect(live.gateway.currentVersion()).toBe(1));
    expect((await getJson(`${live.url}/healthz`)).body).toEqual({ status: "ok", configVersion: 1, apis: 5 });
  });

  it("forwards a request with a valid header key, rewriting the path and never forwarding the key", async () => {
    backend.received.length = 0;
    const res = await getJson(`${live.url}/demo/orders/1?x=1`, { [KEY_HEADER]: KEY, "x-request-id": "trace-42" });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("trace-42");
    const [seen] = backend.received;
    expect(seen.url).toBe("/api/orders/1?x=1");
    expect(seen.headers[KEY_HEADER]).toBeUndefined();
    expect(seen.headers["x-request-id"]).toBe("trace-42");
    expect(seen.headers.host).toBe(`127.0.0.1:${backend.port}`); // changeOrigin
    expect(seen.headers["x-forwarded-for"]).toBeDefined(); // xfwd
  });

  it("accepts the key as a query parameter and strips it, keeping the other parameters", async () => {
    backend.received.length = 0;
    const res = await getJson(`${live.url}/demo/search?q=a%20b&subscription-key=${KEY}&page=2`);
    expect(res.status).toBe(200);
    expect(backend.received[0].url).toBe("/api/search?q=a%20b&page=2");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/); // minted when none came in
  });

  it.each([
    ["/demo/orders", {}, 401, "missing_subscription_key"],
    ["/demo/orders", { [KEY_HEADER]: "not-a-key" }, 401, "invalid_subscription_key"],
    ["/demonstration", { [KEY_HEADER]: KEY }, 404, "route_not_found"],
    ["/old/anything", { [KEY_HEADER]: KEY }, 410, "api_retired"],
    ["/healthz", {}, 200, undefined],
  ])("%s %j -> %i %s", async (path, headers, status, code) => {
    const res = await getJson(`${live.url}${path}`, headers);
    expect(res.status).toBe(status);
    expect(res.body?.error?.code).toBe(code);
    if (code) expect(Object.keys(res.body.error).sort()).toEqual(["code", "message"]);
  });

  it("marks a deprecated API's responses with Deprecation: true", async () => {
    const res = await getJson(`${live.url}/legacy/x`, { [KEY_HEADER]: KEY });
    expect(res.status).toBe(200);
    expect(res.headers.get("deprecation")).toBe("true");
  });

  it("balances across backends by weight", async () => {
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) seen.push((await getJson(`${live.url}/lb/x`, { [KEY_HEADER]: KEY })).body.backend);
    expect(seen.sort()).toEqual(["a", "a", "b", "b"]);
  });

  it("answers 502 for a dead backend, 504 for a silent one, and keeps serving", async () => {
    const down = await getJson(`${live.url}/down/x`, { [KEY_HEADER]: KEY });
    expect([down.status, down.body.error.code]).toEqual([502, "backend_unavailable"]);
    const silent = await getJson(`${live.url}/demo/hang`, { [KEY_HEADER]: KEY });
    expect([silent.status, silent.body.error.code]).toEqual([504, "backend_timeout"]);
    expect((await getJson(`${live.url}/demo/ok`, { [KEY_HEADER]: KEY })).status).toBe(200);
  });

  it("survives a client that hangs up mid-request and an unparseable request target", async () => {
    const aborted = fetch(`${live.url}/demo/hang`, { headers: { [KEY_HEADER]: KEY }, signal: AbortSignal.timeout(100) });
    await expect(aborted).rejects.toThrow();
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(new URL(live.url).port), "127.0.0.1", () => socket.write("GET http://[bad/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
      let data = "";
      socket.on("data", (chunk) => (data += chunk.toString()));
      socket.on("end", () => resolve(data));
      socket.on("error", reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(raw).toContain('"code":"bad_request"');
    expect((await getJson(`${live.url}/demo/ok`, { [KEY_HEADER]: KEY })).status).toBe(200);
  });

  it("a new snapshot without the subscription makes the running gateway answer 401 within seconds", async () => {
    const started = Date.now();
    expect(await publisher.publish(snapshotV(2, false))).toBe(true);
    await waitFor(async () => {
      const res = await getJson(`${live.url}/demo/orders`, { [KEY_HEADER]: KEY });
      expect([res.status, res.body.error?.code]).toEqual([401, "invalid_subscription_key"]);
    }, 2000);
    expect(Date.now() - started).toBeLessThan(2000); // the event did it: the poll interval is 60 s
    expect(live.gateway.currentVersion()).toBe(2);
  });

  it("ignores an older snapshot (the store refuses it, and the gateway would too)", async () => {
    expect(await publisher.publish(snapshotV(1))).toBe(false);
    expect(live.gateway.currentVersion()).toBe(2);
  });

  it("a gateway started after publication has the config at once (cold start)", async () => {
    const late = await startGateway();
    expect(late.gateway.currentVersion()).toBe(2);
    expect((await getJson(`${late.url}/demo/orders`)).body.error.code).toBe("missing_subscription_key");
    await late.gateway.close(0);
  });

  it.each([
    ["not JSON", () => "{this is not json", "config snapshot is not valid JSON"],
    ["schema violation", () => JSON.stringify({ ...snapshotV(4), apis: [{ path: "/nope" }] }), "config snapshot failed validation"],
  ])("keeps serving the old config when the stored snapshot is invalid: %s", async (_label, raw, logMessage) => {
    await publisher.publishRaw(raw(), 4);
    await waitFor(async () => expect(logLines.some((l) => l.includes(logMessage))).toBe(true));
    expect(live.gateway.currentVersion()).toBe(2);
    expect((await getJson(`${live.url}/demo/orders`)).body.error.code).toBe("missing_subscription_key");
  });

  it("catches up through the poll when the event was missed", async () => {
    const polling = await startGateway({ pollIntervalMs: 200 });
    // Written behind the gateways' backs: no event is published.
    const redis = new Redis(REDIS_URL);
    await redis.set(configChannelNames(PREFIX).latestKey, JSON.stringify(snapshotV(5)));
    await redis.quit();
    await waitFor(async () => expect(polling.gateway.currentVersion()).toBe(5), 2000);
    expect((await getJson(`${polling.url}/demo/ok`, { [KEY_HEADER]: KEY })).status).toBe(200);
  });

  it("finishes an in-flight request when closed, then refuses new connections", async () => {
    const closing = await startGateway();
    const inFlight = getJson(`${closing.url}/demo/slow`, { [KEY_HEADER]: KEY });
    await new Promise((resolve) => setTimeout(resolve, 100)); // request reached the 300 ms backend
    const closed = closing.gateway.close(5000);
    expect((await inFlight).status).toBe(200);
    await closed;
    await expect(fetch(`${closing.url}/healthz`)).rejects.toThrow();
  });

  it("logs one line per request with api and subscription, and never the key", async () => {
    const access = logLines.map((l) => JSON.parse(l)).filter((l) => l.msg === "request");
    expect(access.some((l) => l.apiId === "api-demo" && l.subscriptionId === "sub-alice" && l.status === 200)).toBe(true);
    expect(access.every((l) => typeof l.durationMs === "number" && l.method && l.path)).toBe(true);
    expect(logLines.join("\n")).not.toContain(KEY);
  });
});
