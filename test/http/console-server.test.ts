// Issue #12: on the console a body sent at 1 byte/s stayed open past 150 s, and a 100 KB URL got a
// connection reset. The server factory bounds both and answers with the management API's JSON shape.
import { once } from "node:events";
import type { Server } from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createConsoleServer, defaultLimits, forwardedForFromSocket, trustedPeer } from "@/scripts/console-server.mjs";

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

async function start(limits = defaultLimits): Promise<number> {
  server = createConsoleServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "application/json", "content-length": "11" }).end('{"ok":true}'));
  }, limits);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

/** Sends raw bytes (a list is sent piece by piece, `gapMs` apart) and reads until the server closes. */
async function exchange(port: number, pieces: string[], gapMs = 0): Promise<{ status: number; body: unknown; ms: number }> {
  const started = Date.now();
  const socket = net.connect(port, "127.0.0.1");
  await once(socket, "connect");
  let received = "";
  socket.on("data", (chunk) => (received += chunk.toString("latin1")));
  socket.on("error", () => undefined);
  const closed = once(socket, "close");
  for (const piece of pieces) {
    if (socket.destroyed) break;
    socket.write(piece);
    if (gapMs) await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  if (!gapMs) socket.end();
  await closed;
  const [head = "", body = ""] = received.split("\r\n\r\n");
  return { status: Number(head.split(" ")[1]), body: body ? JSON.parse(body) : null, ms: Date.now() - started };
}

const fast = { requestTimeoutMs: 1_000, headersTimeoutMs: 800, maxHeaderSize: 16 * 1024, checkIntervalMs: 100 };
const longUrl = `GET /api/v1/apis?q=${"a".repeat(100 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n`;
const bigHeader = `GET /api/v1/apis HTTP/1.1\r\nHost: localhost\r\nX-Big: ${"b".repeat(40 * 1024)}\r\n\r\n`;

describe("console server limits", () => {
  it.each([
    ["a 100 KB URL", [longUrl], 414, "uri_too_long"],
    ["a 40 KB header", [bigHeader], 431, "headers_too_large"],
    ["garbage instead of HTTP", ["NOT HTTP AT ALL\r\n\r\n"], 400, "bad_request"],
  ])("answers %s with a JSON error", async (_name, pieces, status, code) => {
    const res = await exchange(await start(), pieces);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  });

  it.each([
    ["a body trickled a byte at a time", ["POST /api/v1/apis HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n", ..."{".repeat(39).split("")]],
    ["headers that never finish", ["GET /api/v1/apis HTTP/1.1\r\n", ..."X-Slow: 1\r\n".repeat(40).split("\r\n").map((h) => `${h}\r\n`)]],
  ])("cuts off %s with 408 request_timeout", async (_name, pieces) => {
    const res = await exchange(await start(fast), pieces, 150);
    expect(res.status).toBe(408);
    expect(res.body).toEqual({ error: { code: "request_timeout", message: expect.any(String) } });
    // Node's default would wait 300 s; the bound is generous for a noisy machine.
    expect(res.ms).toBeLessThan(15_000);
  });

  it("serves a normal request through the handler", async () => {
    const res = await exchange(await start(fast), ["GET /api/v1/apis HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"]);
    expect(res).toMatchObject({ status: 200, body: { ok: true } });
  });
});

describe("x-forwarded-for handed to Next", () => {
  const rewrite = (peer: string, headers: Record<string, string>, trusted = "") => {
    const req = { socket: { remoteAddress: peer }, headers: { ...headers } } as unknown as Parameters<typeof forwardedForFromSocket>[0];
    forwardedForFromSocket(req, trustedPeer(trusted));
    return req.headers;
  };

  it.each([
    ["a client naming its own address", "203.0.113.9", { "x-forwarded-for": "198.51.100.1" }, "", "203.0.113.9"],
    ["a client without the header", "203.0.113.9", {}, "", "203.0.113.9"],
    ["an untrusted proxy's chain", "10.0.0.5", { "x-forwarded-for": "198.51.100.1" }, "10.0.0.6", "10.0.0.5"],
    ["a trusted proxy's chain", "10.0.0.5", { "x-forwarded-for": "198.51.100.1" }, "10.0.0.0/8", "198.51.100.1, 10.0.0.5"],
    ["a trusted IPv6 proxy (IPv4-mapped peer)", "::ffff:10.0.0.5", { "x-forwarded-for": "198.51.100.1" }, "10.0.0.5", "198.51.100.1, ::ffff:10.0.0.5"],
  ])("ends with the socket's peer: %s", (_name, peer, headers, trusted, expected) => {
    expect(rewrite(peer, headers, trusted)["x-forwarded-for"]).toBe(expected);
  });

  it("drops an untrusted client's X-Real-IP", () => {
    expect(rewrite("203.0.113.9", { "x-real-ip": "198.51.100.1" })["x-real-ip"]).toBeUndefined();
  });
});
