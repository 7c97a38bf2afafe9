// The developer portal's own origin (defaults.portalOrigin, set by the console) may call
// every API from a browser, with no admin CORS rule: its try-it's preflight is answered for
// the key header and the common methods, and its answers carry Allow-Origin. Other origins
// get nothing new; an admin's rule still decides for the origins it lists.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, KEY, KEY_HEADER, setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { makeApi, makeProduct, makeSnapshot, makeSubscription } from "./helpers/snapshots";

let fx: Fixture;
let url: string;
const PORTAL = "http://localhost:3000";
const APP = "https://app.example.com";

const operations = [
  { method: "GET", path: "/orders" },
  { method: "POST", path: "/orders" },
];

beforeAll(async () => {
  fx = await setUpFixture("cors-portal");
  const backends = [{ url: fx.backend.url, weight: 1 }];
  await fx.publisher.publish(
    makeSnapshot({
      defaults: { portalOrigin: PORTAL },
      apis: [
        makeApi({ id: "api-plain", path: "plain", backends, operations }),
        makeApi({ id: "api-ruled", path: "ruled", backends, operations, policy: { cors: { allowedOrigins: [APP], allowCredentials: true } } }),
        makeApi({
          id: "api-versioned",
          path: "versioned",
          backends,
          operations,
          versioning: { versionSetId: "vs", scheme: "query", parameterName: "api-version", version: "v1" },
        }),
        makeApi({
          id: "api-header-versioned",
          path: "by-header",
          backends,
          operations,
          versioning: { versionSetId: "vs-header", scheme: "header", parameterName: "Api-Version", version: "v1" },
        }),
      ],
      products: [makeProduct({ apiIds: ["api-plain", "api-ruled", "api-versioned", "api-header-versioned"] })],
      subscriptions: [makeSubscription({ keys: [KEY] })],
    }),
  );
  url = (await fx.startGateway()).url;
});
afterAll(() => fx?.teardown());

const preflight = (path: string, origin: string, method: string, requestHeaders: string) =>
  fetch(`${url}${path}`, { method: "OPTIONS", headers: { origin, "access-control-request-method": method, "access-control-request-headers": requestHeaders } });

describe("the portal's origin without any CORS rule", () => {
  it.each([
    ["GET with the key header", "/plain/orders", "GET", KEY_HEADER],
    ["POST with a JSON body", "/plain/orders", "POST", `content-type, ${KEY_HEADER}`],
    ["an API whose rule lists other origins", "/ruled/orders", "GET", KEY_HEADER],
    ["a query version set's version", "/versioned/orders?api-version=v1", "GET", KEY_HEADER],
    // A preflight names the version header but never carries it: answered before routing picks a version.
    ["a header version set's path (the version header named, not sent)", "/by-header/orders", "GET", `api-version, ${KEY_HEADER}`],
  ])("answers the preflight of %s with 204, without credentials", async (_label, path, method, headers) => {
    fx.backend.received.length = 0;
    const res = await preflight(path, PORTAL, method, headers);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(PORTAL);
    expect(res.headers.get("access-control-allow-methods")).toBe(method);
    expect(res.headers.get("access-control-allow-headers")).toBe(headers);
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(fx.backend.received).toHaveLength(0);
  });

  it.each([
    ["a header beyond the key and the common ones", "/plain/orders", "GET", `${KEY_HEADER}, x-anything`, "x-anything"],
    ["a method the revision lacks", "/plain/orders", "DELETE", KEY_HEADER, "DELETE"],
  ])("refuses %s with 403 cors_forbidden", async (_label, path, method, headers, named) => {
    const res = await preflight(path, PORTAL, method, headers);
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body.error.code).toBe("cors_forbidden");
    expect(body.error.message).toContain(named);
  });

  it("routes the portal's actual call to a header version set by its version header, and answers it with CORS", async () => {
    const ok = await getJson(`${url}/by-header/orders`, { origin: PORTAL, [KEY_HEADER]: KEY, "api-version": "v1" });
    expect([ok.status, ok.headers.get("access-control-allow-origin")]).toEqual([200, PORTAL]);
    // Another origin's preflight on that path is not answered for it: routing's own 404 stands.
    const other = await preflight("/by-header/orders", APP, "GET", `api-version, ${KEY_HEADER}`);
    expect(other.status).toBe(404);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("lets the portal read the answer and the gateway's rejections", async () => {
    const ok = await getJson(`${url}/plain/orders`, { origin: PORTAL, [KEY_HEADER]: KEY });
    expect([ok.status, ok.headers.get("access-control-allow-origin")]).toEqual([200, PORTAL]);
    expect(ok.headers.get("access-control-expose-headers")).toMatch(/X-Request-Id/);
    const refused = await getJson(`${url}/plain/orders`, { origin: PORTAL });
    expect([refused.status, refused.headers.get("access-control-allow-origin")]).toEqual([401, PORTAL]);
  });

  it("gives other origins nothing where no rule applies, and keeps an admin's rule for the origins it lists", async () => {
    const other = await preflight("/plain/orders", "https://evil.example", "GET", KEY_HEADER);
    expect(other.status).toBe(405);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const ruled = await preflight("/ruled/orders", APP, "GET", `${KEY_HEADER}, x-custom`);
    expect([ruled.status, ruled.headers.get("access-control-allow-credentials")]).toEqual([204, "true"]);
  });
});
