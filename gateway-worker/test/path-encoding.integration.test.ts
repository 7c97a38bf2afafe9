// The backend receives exactly the path the gateway matched. Anything whose
// meaning could change between the two (dot segments, raw or encoded; encoded
// slashes or backslashes inside a segment) is refused with 400 invalid_path,
// unless the API allows encoded slashes. Raw sockets: fetch would normalise.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEY, KEY_HEADER, setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { rawRequest } from "./helpers/raw-http";
import { makeApi, makeProduct, makeSnapshot, makeSubscription } from "./helpers/snapshots";

let fx: Fixture;
let url: string;

beforeAll(async () => {
  fx = await setUpFixture("paths");
  const operations = [
    { method: "GET", path: "/orders/{orderId}" },
    { method: "GET", path: "/files/{path}" },
    { method: "GET", path: "/echo" },
  ];
  const backends = [{ url: `${fx.backend.url}/api`, weight: 1 }];
  await fx.publisher.publish(
    makeSnapshot({
      apis: [
        makeApi({ id: "api-shop", path: "shop", backends, operations }),
        makeApi({ id: "api-raw", path: "raw", backends, operations, allowEncodedSlashes: true }),
      ],
      products: [makeProduct({ apiIds: ["api-shop", "api-raw"] })],
      subscriptions: [makeSubscription({ keys: [KEY] })],
    }),
  );
  url = (await fx.startGateway()).url;
});
afterAll(() => fx?.teardown());

describe("request paths", () => {
  it.each([
    // path as sent, status, error code, path the backend receives
    ["/shop/orders/42", 200, undefined, "/api/orders/42"],
    ["/shop/orders/%252F", 200, undefined, "/api/orders/%252F"], // double-encoded: one decoding is a plain "%2F"
    ["/shop/orders/caf%C3%A9", 200, undefined, "/api/orders/caf%C3%A9"],
    ["/shop/orders/..%2F..%2Fecho", 400, "invalid_path", undefined],
    ["/shop/orders/..%2f..%2fecho", 400, "invalid_path", undefined],
    ["/shop/orders/..%5C..%5Cecho", 400, "invalid_path", undefined],
    ["/shop/orders/%2e%2e", 400, "invalid_path", undefined],
    ["/shop/orders/.%2E/echo", 400, "invalid_path", undefined],
    ["/shop/orders/..", 400, "invalid_path", undefined],
    ["/shop/x/../echo", 400, "invalid_path", undefined],
    ["/shop/./echo", 400, "invalid_path", undefined],
    ["/shop/orders/..;/echo", 400, "invalid_path", undefined], // ".." to servlet containers
    ["/shop/orders/%2e%2e%3bx/echo", 400, "invalid_path", undefined],
    ["/shop/orders\\..\\echo", 400, "invalid_path", undefined],
    ["/raw/files/a%2Fb%5Cc", 200, undefined, "/api/files/a%2Fb%5Cc"], // this API allows encoded slashes
    ["/raw/files/%2E%2E", 400, "invalid_path", undefined], // ...but never dot segments
  ])("%s -> %i %s", async (path, status, code, backendUrl) => {
    fx.backend.received.length = 0;
    const res = await rawRequest(url, `GET ${path} HTTP/1.1\r\nHost: x\r\n${KEY_HEADER}: ${KEY}\r\nConnection: close\r\n\r\n`);
    expect(res.status).toBe(status);
    const body = JSON.parse(res.body);
    expect(body.error?.code).toBe(code);
    expect(fx.backend.received.map((r) => r.url)).toEqual(backendUrl ? [backendUrl] : []);
    if (backendUrl) expect(body.url).toBe(backendUrl);
  });
});
