// CORS at the gateway, through a running gateway: preflights answered before
// the key check (allowed and refused origins, methods the revision lacks,
// credentials, max age), and CORS headers on actual answers and rejections,
// with the limits' headers exposed to the page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScopePolicy } from "../src/contract/config-snapshot";
import { getJson, KEY, KEY_HEADER, setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { makeApi, makeProduct, makeSnapshot, makeSubscription } from "./helpers/snapshots";

let fx: Fixture;
let url: string;
const APP = "https://app.example.com";

const operations = [
  { method: "GET", path: "/orders" },
  { method: "POST", path: "/orders" },
  // This operation narrows CORS to one other origin and allows credentials.
  { method: "GET", path: "/private", policy: { cors: { allowedOrigins: ["https://admin.example.com"], allowCredentials: true } } },
  { method: "GET", path: "/nocors", policy: { cors: null } },
];

beforeAll(async () => {
  fx = await setUpFixture("cors");
  const api = (id: string, path: string, policy: ScopePolicy) =>
    makeApi({ id, path, backends: [{ url: fx.backend.url, weight: 1 }], operations, policy });
  await fx.publisher.publish(
    makeSnapshot({
      apis: [
        api("api-cors", "cors", { cors: { allowedOrigins: [APP, "http://localhost:5173"], maxAgeSeconds: 120 } }),
        api("api-any", "any", { cors: { allowedOrigins: ["*"] } }),
        api("api-plain", "plain", {}),
      ],
      products: [makeProduct({ apiIds: ["api-cors", "api-any", "api-plain"] })],
      subscriptions: [makeSubscription({ keys: [KEY] })],
    }),
  );
  url = (await fx.startGateway()).url;
});
afterAll(() => fx?.teardown());

const preflight = (path: string, origin: string, method: string, requestHeaders = `content-type, ${KEY_HEADER}, x-custom`) =>
  fetch(`${url}${path}`, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": method, "access-control-request-headers": requestHeaders },
  });

describe("CORS preflight at the gateway", () => {
  it("answers an allowed origin's preflight with 204 before any key check, echoing origin and headers", async () => {
    fx.backend.received.length = 0;
    const res = await preflight("/cors/orders", APP, "POST");
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(APP);
    expect(res.headers.get("access-control-allow-methods")).toBe("POST");
    expect(res.headers.get("access-control-allow-headers")).toBe(`content-type, ${KEY_HEADER}, x-custom`);
    expect(res.headers.get("access-control-max-age")).toBe("120");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("vary")).toMatch(/Origin/);
    expect(fx.backend.received).toHaveLength(0); // the gateway answered it
  });

  it.each([
    ["an origin not on the list", "/cors/orders", "https://evil.example", "GET"],
    ["an origin differing only in scheme", "/cors/orders", "http://app.example.com", "GET"],
    ["a method the revision lacks at that path", "/cors/orders", APP, "DELETE"],
    ["an origin the operation's own rule does not list", "/cors/private", APP, "GET"],
  ])("refuses %s with 403 cors_forbidden and no Allow-Origin", async (_label, path, origin, method) => {
    const res = await preflight(path, origin, method);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("cors_forbidden");
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows credentials only where the rule says so, echoing the exact origin", async () => {
    const res = await preflight("/cors/private", "https://admin.example.com", "GET");
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://admin.example.com");
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    expect(res.headers.get("access-control-max-age")).toBe("600"); // the operation's rule has its own default
  });

  it("answers * for any origin when the rule lists *", async () => {
    const res = await preflight("/any/orders", "https://whoever.example", "GET");
    expect([res.status, res.headers.get("access-control-allow-origin")]).toEqual([204, "*"]);
  });

  it("leaves OPTIONS alone where no rule applies (an operation clearing it, an API without CORS)", async () => {
    for (const path of ["/cors/nocors", "/plain/orders"]) {
      const res = await preflight(path, APP, "GET");
      expect(res.status).toBe(405); // the revision has no OPTIONS operation
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    }
  });
});

describe("CORS on actual answers", () => {
  it("adds Allow-Origin and exposes the limit, retry and request-id headers; the backend's own CORS headers are replaced", async () => {
    const res = await getJson(`${url}/cors/orders`, { origin: APP, [KEY_HEADER]: KEY });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(APP);
    const exposed = (res.headers.get("access-control-expose-headers") ?? "").split(/\s*,\s*/).map((h) => h.toLowerCase());
    expect(exposed).toEqual(expect.arrayContaining(["ratelimit", "ratelimit-policy", "retry-after", "x-request-id"]));
    expect(res.headers.get("vary")).toMatch(/Origin/);
  });

  it("adds them to the gateway's rejections too, so the page can read a 401", async () => {
    const res = await getJson(`${url}/cors/orders`, { origin: APP });
    expect([res.status, res.body.error.code]).toEqual([401, "missing_subscription_key"]);
    expect(res.headers.get("access-control-allow-origin")).toBe(APP);
    expect(res.headers.get("access-control-expose-headers")).toMatch(/Retry-After/);
  });

  it("gives an origin not on the list no Allow-Origin (the browser then hides the answer)", async () => {
    const res = await getJson(`${url}/cors/orders`, { origin: "https://evil.example", [KEY_HEADER]: KEY });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});
