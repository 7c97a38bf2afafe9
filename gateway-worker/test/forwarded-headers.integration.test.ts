// What crosses the gateway between client and backend: hop-by-hop headers
// (standard ones and those named in Connection) stop at the gateway in both
// directions, forwarding headers are the gateway's own unless the client is a
// trusted proxy, and a body keeps its framing (no request smuggled inside it).
// Raw sockets, since fetch would not send these headers as written.
import type { IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEY, KEY_HEADER, setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { rawRequest } from "./helpers/raw-http";

let fx: Fixture;
let direct: string;
let behindProxy: string;

beforeAll(async () => {
  fx = await setUpFixture("headers");
  await fx.publisher.publish(fx.snapshot(1));
  direct = (await fx.startGateway()).url;
  behindProxy = (await fx.startGateway({ trustedProxies: ["10.0.0.0/8", "127.0.0.1"] })).url;
});
afterAll(() => fx?.teardown());

const request = (path: string, headers: string[], body = "") =>
  [`GET ${path} HTTP/1.1`, "Host: api.example.com", `${KEY_HEADER}: ${KEY}`, "Connection: close", ...headers, "", body].join("\r\n");

async function forwarded(gatewayUrl: string, headers: string[]) {
  fx.backend.received.length = 0;
  const res = await rawRequest(gatewayUrl, request("/demo/echo", headers));
  expect(res.status).toBe(200);
  return fx.backend.received[0].headers;
}

describe("hop-by-hop headers", () => {
  it("drops the standard ones and those the client names in Connection, keeping end-to-end headers", async () => {
    const seen = await forwarded(direct, [
      "Connection: X-Internal-Token, close",
      "X-Internal-Token: secret",
      "Keep-Alive: timeout=5",
      "Proxy-Authorization: Basic Zm9vOmJhcg==",
      "Proxy-Connection: keep-alive",
      "TE: trailers",
      "Trailer: x-checksum",
      "Upgrade: h2c",
      "X-Custom: kept",
    ]);
    for (const name of ["x-internal-token", "keep-alive", "proxy-authorization", "proxy-connection", "te", "trailer", "upgrade"]) {
      expect(seen[name], name).toBeUndefined();
    }
    expect(seen.connection ?? "keep-alive").toBe("keep-alive"); // the gateway's own hop to the backend
    expect(seen["x-custom"]).toBe("kept");
  });

  it("never lets a client strip the gateway's own headers by naming them in Connection", async () => {
    const seen = await forwarded(direct, ["Connection: X-Forwarded-For, X-Request-Id", "X-Forwarded-For: 6.6.6.6", "X-Request-Id: trace-7"]);
    expect(seen["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/); // the client's own was hop-by-hop; the gateway minted one
  });

  it("treats a subscription key named in Connection as hop-by-hop: dropped on arrival, never forwarded", async () => {
    fx.backend.received.length = 0;
    const res = await rawRequest(direct, request("/demo/echo", [`Connection: close, ${KEY_HEADER}`]));
    expect([res.status, JSON.parse(res.body).error.code]).toEqual([401, "missing_subscription_key"]);
    expect(fx.backend.received).toEqual([]);
  });

  it("drops the backend's hop-by-hop response headers", async () => {
    const res = await rawRequest(direct, request("/demo/hop", []));
    expect(res.status).toBe(200);
    for (const name of ["x-backend-secret", "keep-alive", "proxy-authenticate", "trailer", "upgrade"]) {
      expect(res.headers[name], name).toBeUndefined();
    }
    expect(res.headers.connection).toBe("close"); // Node's answer to the client's own "Connection: close"
    expect(res.headers["x-backend"]).toBe("a");
  });
});

describe("forwarding headers", () => {
  const forwardingHeaders = (seen: IncomingHttpHeaders) => ({
    for: seen["x-forwarded-for"],
    host: seen["x-forwarded-host"],
    proto: seen["x-forwarded-proto"],
    port: seen["x-forwarded-port"],
    forwarded: seen.forwarded,
    realIp: seen["x-real-ip"],
  });

  const spoofed = [
    "X-Forwarded-For: 6.6.6.6",
    "X-Forwarded-Host: evil.example",
    "X-Forwarded-Proto: https",
    "X-Forwarded-Port: 1",
    "Forwarded: for=6.6.6.6;proto=https",
    "X-Real-IP: 6.6.6.6",
  ];

  it("replaces what an untrusted client claims with what the gateway saw", async () => {
    const seen = await forwarded(direct, spoofed);
    const port = new URL(direct).port;
    expect(forwardingHeaders(seen)).toEqual({
      for: "127.0.0.1",
      host: "api.example.com",
      proto: "http",
      port,
      forwarded: 'for=127.0.0.1;host="api.example.com";proto=http',
      realIp: "127.0.0.1",
    });
  });

  it("appends the client to the chain of a trusted proxy and keeps what that proxy saw", async () => {
    const seen = await forwarded(behindProxy, spoofed);
    expect(forwardingHeaders(seen)).toEqual({
      for: "6.6.6.6, 127.0.0.1",
      host: "evil.example",
      proto: "https",
      port: "1",
      forwarded: 'for=6.6.6.6;proto=https, for=127.0.0.1;host="api.example.com";proto=http',
      realIp: "6.6.6.6",
    });
  });
});

describe("request bodies keep their framing", () => {
  const smuggled = "GET /api/smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
  const chunk = `${Buffer.byteLength(smuggled).toString(16)}\r\n${smuggled}\r\n0\r\n\r\n`;

  it.each(["GET", "DELETE", "OPTIONS", "POST"])("%s with a chunked body reaches the backend as one request", async (method) => {
    fx.backend.received.length = 0;
    const raw = [`${method} /demo/echo HTTP/1.1`, "Host: x", `${KEY_HEADER}: ${KEY}`, "Transfer-Encoding: chunked", "Connection: close", "", chunk].join("\r\n");
    expect((await rawRequest(direct, raw)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100)); // a smuggled request would arrive just after
    expect(fx.backend.received.map((r) => [r.method, r.url, r.bodyLength])).toEqual([[method, "/api/echo", Buffer.byteLength(smuggled)]]);
  });
});
