// Requests through a running gateway, with real Redis and real HTTP: what is
// forwarded (path, headers, never the key), what is refused and how, and that
// nothing a client or backend does can take the gateway down.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Gateway } from "../src/server";
import { getJson, KEY, KEY_HEADER, setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { waitFor } from "./helpers/wait-for";

let fx: Fixture;
let live: { gateway: Gateway; url: string };
const withKey = { [KEY_HEADER]: KEY };

beforeAll(async () => {
  fx = await setUpFixture("requests");
  live = await fx.startGateway(); // before any snapshot exists
});
afterAll(() => fx?.teardown());

describe("requests through the gateway", () => {
  it("answers 503 gateway_not_configured until a config arrives; /healthz says so", async () => {
    const res = await getJson(`${live.url}/demo/orders`);
    expect([res.status, res.body.error.code]).toEqual([503, "gateway_not_configured"]);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await getJson(`${live.url}/healthz`)).body).toEqual({ status: "ok", configVersion: null, apis: 0 });
  });

  it("picks up a published snapshot while running; /healthz shows its version", async () => {
    expect(await fx.publisher.publish(fx.snapshot(1))).toBe(true);
    await waitFor(async () => expect(live.gateway.currentVersion()).toBe(1));
    expect((await getJson(`${live.url}/healthz`)).body).toEqual({ status: "ok", configVersion: 1, apis: 5 });
  });

  it("forwards a valid header key's request, rewriting the path and never forwarding the key", async () => {
    fx.backend.received.length = 0;
    const res = await getJson(`${live.url}/demo/orders/1?x=1`, { ...withKey, "x-request-id": "trace-42" });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("trace-42");
    const [seen] = fx.backend.received;
    expect(seen.url).toBe("/api/orders/1?x=1");
    expect(seen.headers[KEY_HEADER]).toBeUndefined();
    expect(seen.headers["x-request-id"]).toBe("trace-42");
    expect(seen.headers.host).toBe(`127.0.0.1:${fx.backend.port}`); // changeOrigin
    expect(seen.headers["x-forwarded-for"]).toBeDefined(); // xfwd
  });

  it("accepts the key as a query parameter and strips it, keeping the other parameters", async () => {
    fx.backend.received.length = 0;
    const res = await getJson(`${live.url}/demo/search?q=a%20b&subscription-key=${KEY}&page=2`);
    expect(res.status).toBe(200);
    expect(fx.backend.received[0].url).toBe("/api/search?q=a%20b&page=2");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/); // minted when none came in
  });

  it.each([
    ["/demo/orders", {}, 401, "missing_subscription_key"],
    ["/demo/orders", { [KEY_HEADER]: "not-a-key" }, 401, "invalid_subscription_key"],
    ["/demonstration", withKey, 404, "route_not_found"],
    ["/old/anything", withKey, 410, "api_retired"],
    ["/healthz", {}, 200, undefined],
  ])("%s %j -> %i %s", async (path, headers, status, code) => {
    const res = await getJson(`${live.url}${path}`, headers);
    expect(res.status).toBe(status);
    expect(res.body?.error?.code).toBe(code);
    if (code) expect(Object.keys(res.body.error).sort()).toEqual(["code", "message"]);
  });

  it("marks a deprecated API's responses with Deprecation: true", async () => {
    const res = await getJson(`${live.url}/legacy/x`, withKey);
    expect([res.status, res.headers.get("deprecation")]).toEqual([200, "true"]);
  });

  it("balances across backends by weight", async () => {
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) seen.push((await getJson(`${live.url}/lb/x`, withKey)).body.backend);
    expect(seen.sort()).toEqual(["a", "a", "b", "b"]);
  });

  it("answers 502 for a dead backend, 504 for a silent one, and keeps serving", async () => {
    const down = await getJson(`${live.url}/down/x`, withKey);
    expect([down.status, down.body.error.code]).toEqual([502, "backend_unavailable"]);
    const silent = await getJson(`${live.url}/demo/hang`, withKey);
    expect([silent.status, silent.body.error.code]).toEqual([504, "backend_timeout"]);
    expect((await getJson(`${live.url}/demo/ok`, withKey)).status).toBe(200);
  });

  it("survives a client that hangs up mid-request and an unparseable request target", async () => {
    await expect(fetch(`${live.url}/demo/hang`, { headers: withKey, signal: AbortSignal.timeout(100) })).rejects.toThrow();
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(new URL(live.url).port), "127.0.0.1", () =>
        socket.write("GET http://[bad/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
      );
      let data = "";
      socket.on("data", (chunk) => (data += chunk.toString()));
      socket.on("end", () => resolve(data));
      socket.on("error", reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(raw).toContain('"code":"bad_request"');
    expect((await getJson(`${live.url}/demo/ok`, withKey)).status).toBe(200);
  });

  it("logs one line per request with api and subscription, and never the key", () => {
    const access = fx.logLines.map((l) => JSON.parse(l)).filter((l) => l.msg === "request");
    expect(access.some((l) => l.apiId === "api-demo" && l.subscriptionId === "sub-alice" && l.status === 200)).toBe(true);
    expect(access.every((l) => typeof l.durationMs === "number" && l.method && l.path)).toBe(true);
    expect(fx.logLines.join("\n")).not.toContain(KEY);
  });
});
