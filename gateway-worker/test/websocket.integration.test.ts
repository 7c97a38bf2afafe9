// WebSocket upgrades pass the same policy pipeline as any request, and are
// refused on the socket in the usual JSON shape; a backend that switches
// protocols unasked gets the client a prompt 502, never a hang.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { KEY, KEY_HEADER, setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { rawRequest } from "./helpers/raw-http";
import { makeApi, makeProduct, makeSnapshot, makeSubscription } from "./helpers/snapshots";

let fx: Fixture;
let url: string;

beforeAll(async () => {
  fx = await setUpFixture("websocket");
  const operations = ["/socket", "/hang", "/switch", "/switch-bare"].map((path) => ({ method: "GET", path }));
  const backends = [{ url: `${fx.backend.url}/api`, weight: 1 }];
  await fx.publisher.publish(
    makeSnapshot({
      apis: [
        makeApi({ id: "api-live", path: "live", backends, operations, allowWebSockets: true }),
        makeApi({ id: "api-plain", path: "plain", backends, operations }),
      ],
      products: [makeProduct({ apiIds: ["api-live", "api-plain"] })],
      subscriptions: [makeSubscription({ keys: [KEY] })],
    }),
  );
  url = (await fx.startGateway()).url;
});
afterAll(() => fx?.teardown());

function roundTrip(path: string, message: string): Promise<string> {
  const ws = new WebSocket(`${url.replace("http", "ws")}${path}`, { headers: { [KEY_HEADER]: KEY } });
  return new Promise((resolve, reject) => {
    ws.once("open", () => ws.send(message));
    ws.once("message", (data) => {
      resolve(data.toString());
      ws.close();
    });
    ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade answered ${res.statusCode}`)));
    ws.once("error", reject);
  });
}

const upgrade = (path: string, headers: string[] = [], protocol = "websocket") =>
  [
    `GET ${path} HTTP/1.1`,
    "Host: x",
    "Connection: Upgrade",
    `Upgrade: ${protocol}`,
    "Sec-WebSocket-Version: 13",
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
    ...headers,
    "",
    "",
  ].join("\r\n");

describe("WebSocket upgrades", () => {
  it("proxies a round trip; the backend sees the rewritten path, never the key", async () => {
    fx.backend.received.length = 0;
    expect(await roundTrip("/live/socket?room=1", "hi")).toBe("echo:hi");
    const [seen] = fx.backend.received;
    expect(seen.url).toBe("/api/socket?room=1");
    expect([seen.headers.upgrade, seen.headers[KEY_HEADER], seen.headers["x-forwarded-for"]]).toEqual(["websocket", undefined, "127.0.0.1"]);
  });

  it.each([
    ["no key", 401, "missing_subscription_key", "/live/socket", [], "websocket"],
    ["wrong key", 401, "invalid_subscription_key", "/live/socket", [`${KEY_HEADER}: nope`], "websocket"],
    ["no such operation", 404, "operation_not_found", "/live/elsewhere", [`${KEY_HEADER}: ${KEY}`], "websocket"],
    ["encoded slash", 400, "invalid_path", "/live/a%2F..%2Fsocket", [`${KEY_HEADER}: ${KEY}`], "websocket"],
    ["API without WebSockets", 501, "upgrade_not_supported", "/plain/socket", [`${KEY_HEADER}: ${KEY}`], "websocket"],
    ["another protocol", 501, "upgrade_not_supported", "/live/socket", [`${KEY_HEADER}: ${KEY}`], "h2c"],
    ["backend never answers", 504, "backend_timeout", "/live/hang", [`${KEY_HEADER}: ${KEY}`], "websocket"],
  ])("%s: answered %i %s on the socket, which is then closed", async (_label, status, code, path, headers, protocol) => {
    const res = await rawRequest(url, upgrade(path, headers, protocol));
    expect([res.status, JSON.parse(res.body).error.code]).toEqual([status, code]);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.headers.connection).toBe("close");
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(["/live/switch", "/live/switch-bare"])("a backend answering 101 to plain GET %s gets the client a prompt 502", async (path) => {
    const res = await rawRequest(url, `GET ${path} HTTP/1.1\r\nHost: x\r\n${KEY_HEADER}: ${KEY}\r\nConnection: close\r\n\r\n`);
    expect([res.status, JSON.parse(res.body).error.code]).toEqual([502, "backend_invalid_response"]);
    // 502, not the 504 the backend timeout (500 ms here) would give: answered at once, not left hanging.
  });

  it("survives clients that vanish mid-tunnel and keeps serving", async () => {
    for (let i = 0; i < 3; i++) {
      const ws = new WebSocket(`${url.replace("http", "ws")}/live/socket`, { headers: { [KEY_HEADER]: KEY } });
      await new Promise((resolve) => ws.once("open", resolve));
      ws.terminate();
    }
    expect(await roundTrip("/live/socket", "still")).toBe("echo:still");
  });
});
