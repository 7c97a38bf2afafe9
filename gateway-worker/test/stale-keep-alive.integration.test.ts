// Kept-alive connections to a backend that closes them while idle. A request that
// the gateway sends on such a connection just as the backend closes it never
// reached the backend's application: a replayable one goes again on a fresh
// connection (without counting against the backend's health), and the gateway
// closes idle connections before the timeout a backend announces in Keep-Alive.
import net, { type AddressInfo, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { makeApi, makeSnapshot } from "./helpers/snapshots";
import { waitFor } from "./helpers/wait-for";

/**
 * A minimal HTTP/1.1 backend over raw TCP, so the test decides what happens to a
 * connection: "reset-reused" answers the first request of each connection and resets
 * the connection at the second (as a backend whose idle timer fired at that moment);
 * "hint" answers every request with `Keep-Alive: timeout=2` and never closes.
 */
function rawBackend(mode: "reset-reused" | "hint") {
  const connections: { socket: Socket; requests: number; closedByPeer: boolean }[] = [];
  const server = net.createServer((socket) => {
    const connection = { socket, requests: 0, closedByPeer: false };
    connections.push(connection);
    let buffered = "";
    socket.on("end", () => (connection.closedByPeer = true));
    socket.on("error", () => undefined);
    socket.on("data", (chunk) => {
      buffered += chunk.toString("latin1");
      while (buffered.includes("\r\n\r\n")) {
        buffered = buffered.slice(buffered.indexOf("\r\n\r\n") + 4); // bodyless requests only
        connection.requests++;
        if (mode === "reset-reused" && connection.requests > 1) return void socket.resetAndDestroy();
        const hint = mode === "hint" ? "Keep-Alive: timeout=2\r\n" : "";
        socket.write(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: keep-alive\r\n${hint}\r\nok`);
      }
    });
  });
  return {
    connections,
    listen: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => {
      for (const c of connections) c.socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let fx: Fixture;
let gatewayUrl: string;
const resetting = rawBackend("reset-reused");
const hinting = rawBackend("hint");

beforeAll(async () => {
  fx = await setUpFixture("stale-keep-alive");
  const [resettingUrl, hintingUrl] = await Promise.all([resetting.listen(), hinting.listen()]);
  const open = { required: false, header: "Ocp-Apim-Subscription-Key", query: "subscription-key" };
  await fx.publisher.publish(
    makeSnapshot({
      version: 1,
      products: [],
      subscriptions: [],
      apis: [
        // One failure would eject the only backend: a stale connection must not count as one.
        makeApi({ id: "stale", path: "stale", subscription: open, backends: [{ url: resettingUrl, weight: 1 }], backendSettings: { passiveEjection: { consecutiveFailures: 1, ejectSeconds: 300 } } }),
        makeApi({ id: "hint", path: "hint", subscription: open, backends: [{ url: hintingUrl, weight: 1 }] }),
      ],
    }),
  );
  gatewayUrl = (await fx.startGateway()).url;
});
afterAll(async () => {
  await fx?.teardown();
  await Promise.all([resetting.close(), hinting.close()]);
});

const call = (path: string, method = "GET") => fetch(`${gatewayUrl}${path}`, { method }).then(async (res) => ({ status: res.status, text: await res.text() }));

describe("a kept-alive connection the backend closed", () => {
  it("is retried on a fresh connection for GET, PUT and DELETE, and the backend stays healthy", async () => {
    const statuses = [];
    for (const method of ["GET", "GET", "PUT", "DELETE", "GET"]) statuses.push((await call("/stale/x", method)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    // Every call after the first met a reset on the reused connection and was answered on a new one.
    expect(resetting.connections.length).toBe(5);
    expect(resetting.connections.slice(0, 4).every((c) => c.requests === 2)).toBe(true);
  });

  it("is not retried for a POST, which may have reached the backend: 502", async () => {
    expect((await call("/stale/x")).status).toBe(200); // leaves a kept-alive connection to reuse
    const post = await call("/stale/x", "POST");
    expect(post.status).toBe(502);
    expect(JSON.parse(post.text)).toMatchObject({ error: { code: "backend_unavailable" } });
  });
});

describe("a backend's Keep-Alive timeout", () => {
  it("is honoured: the gateway closes the idle connection itself, before the backend would", async () => {
    expect((await call("/hint/x")).status).toBe(200);
    expect(hinting.connections).toHaveLength(1);
    await waitFor(async () => expect(hinting.connections[0].closedByPeer).toBe(true), 10_000, 100);
  });
});
