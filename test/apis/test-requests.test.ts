// POST /apis/{id}/test-requests: the test console's requests really pass a running gateway,
// with a key the caller never sees, and never leave the API's path on the gateway.
import { beforeAll, describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as testRoute from "@/app/api/v1/apis/[apiId]/test-requests/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import { CONSOLE_TEST_SUBSCRIPTION_NAME } from "@/lib/apis/test-console/console-test-subscription";
import { db } from "@/lib/db";
import { revealKeys, withEncryptedKeys } from "@/lib/subscriptions/subscription-keys";
import { env } from "@/lib/env";
import { callRoute, type CallOptions } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { createIdentity } from "../support/identities";
import { importedApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";

const stack = useInProcessStack();
const send = (apiId: string, body: unknown, as?: CallOptions["as"]) =>
  callRoute(testRoute.POST, { method: "POST", params: { apiId }, body, as });

let api: { id: string; path: string };
beforeAll(async () => {
  // env() is read once per process; the in-process gateway's port is known only now.
  Object.assign(env(), { GATEWAY_INTERNAL_URL: stack.gatewayUrl });
  api = await importedApi({ path: uniquePath("console"), backendUrl: stack.backendUrl, lifecycle: "published" });
  await callRoute(apiRoute.PATCH, { method: "PATCH", params: { apiId: api.id }, body: { rateLimit: { calls: 50, periodSeconds: 60 } } });
});

describe("POST /apis/{id}/test-requests", () => {
  it("sends the request through the gateway with a test subscription made on first use, and answers status, headers, body and time", async () => {
    const res = await send(api.id, { method: "GET", path: "/echo", query: { q: "1 2" }, headers: { "X-Probe": "yes" } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe(200);
    expect(res.body.headers["ratelimit-policy"]).toMatch(/q=50;w=60/);
    expect(res.body.headers.ratelimit).toMatch(/r=49;t=\d+/);
    const echoed = JSON.parse(res.body.body);
    expect(echoed).toMatchObject({ path: "/echo", query: { q: "1 2" }, headers: { "x-probe": "yes" } });
    expect(res.body).toMatchObject({ bodyTruncated: false, url: `${stack.gatewayUrl}/${api.path}/echo?q=1+2` });
    expect(res.body.durationMs).toBeGreaterThanOrEqual(0);
    // The key never comes back, neither in the answer nor as the echoed header.
    const row = await db().subscription.findUniqueOrThrow({ where: { id: res.body.subscriptionId }, omit: withEncryptedKeys });
    expect([row.name, row.apiId, row.state]).toEqual([CONSOLE_TEST_SUBSCRIPTION_NAME, api.id, "ACTIVE"]);
    expect(JSON.stringify(res.body)).not.toContain(revealKeys(row).primaryKey);

    const again = await send(api.id, { method: "GET", path: "/hello" });
    expect(again.body.subscriptionId).toBe(res.body.subscriptionId);
    expect(await db().subscription.count({ where: { apiId: api.id, name: CONSOLE_TEST_SUBSCRIPTION_NAME } })).toBe(1);
  });

  it("tests with a chosen subscription, and forwards the body of a POST", async () => {
    const chosen = await callRoute(subscriptionsRoute.POST, { method: "POST", body: { apiId: api.id, name: "chosen" } });
    const res = await send(api.id, { method: "POST", path: "/orders", headers: { "content-type": "application/json" }, body: '{"item":"x","quantity":1}', subscriptionId: chosen.body.id });
    expect(res.body.subscriptionId).toBe(chosen.body.id);
    expect(res.body.status).toBeLessThan(500);
    expect(res.body.status).not.toBe(401);
  });

  it.each([
    ["a path with dot segments", { method: "GET", path: "/../other/hello" }, 400, "validation_failed"],
    ["an absolute URL", { method: "GET", path: "http://169.254.169.254/latest" }, 400, "validation_failed"],
    ["a protocol-relative path", { method: "GET", path: "//evil.example.com/x" }, 400, "validation_failed"],
    ["a path with a backslash", { method: "GET", path: "/\\evil" }, 400, "validation_failed"],
    ["a header with a line break", { method: "GET", path: "/hello", headers: { "X-A": "1\r\nX-B: 2" } }, 400, "validation_failed"],
    ["an unknown method", { method: "TRACE", path: "/hello" }, 400, "validation_failed"],
    ["an unknown subscription", { method: "GET", path: "/hello", subscriptionId: "nope" }, 404, "not_found"],
  ])("refuses %s", async (_label, body, status, code) => {
    const res = await send(api.id, body);
    expect([res.status, res.body.error?.code]).toEqual([status, code]);
  });

  it("refuses a subscription that does not open the API, and a viewer", async () => {
    const other = await importedApi();
    const foreign = await callRoute(subscriptionsRoute.POST, { method: "POST", body: { apiId: other.id, name: "foreign" } });
    const res = await send(api.id, { method: "GET", path: "/hello", subscriptionId: foreign.body.id });
    expect([res.status, res.body.error.code]).toEqual([422, "unprocessable"]);
    const viewer = await createIdentity("viewer");
    const denied = await send(api.id, { method: "GET", path: "/hello" }, viewer);
    expect([denied.status, denied.body.error.code]).toEqual([403, "forbidden"]);
  });

  it("answers 502 gateway_unreachable when the gateway cannot be reached", async () => {
    Object.assign(env(), { GATEWAY_INTERNAL_URL: "http://127.0.0.1:1" });
    try {
      const res = await send(api.id, { method: "GET", path: "/hello" });
      expect([res.status, res.body.error.code]).toEqual([502, "gateway_unreachable"]);
    } finally {
      Object.assign(env(), { GATEWAY_INTERNAL_URL: stack.gatewayUrl });
    }
  });
});

describe("GET /apis/{id}/test-requests?operationId=", () => {
  it("answers the operation's parameters and an example body from the current revision", async () => {
    const full = await callRoute(apiRoute.GET, { params: { apiId: api.id } });
    const template = async (method: string, path: string) => {
      const op = full.body.operations.find((o: { method: string; path: string }) => o.method === method && o.path === path);
      return callRoute(testRoute.GET, { path: `/apis/${api.id}/test-requests?operationId=${op.id}`, params: { apiId: api.id } });
    };
    const byId = await template("GET", "/orders/{orderId}");
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({ method: "GET", path: "/orders/{orderId}", body: { mediaType: null, example: "" } });
    expect(byId.body.parameters).toContainEqual(expect.objectContaining({ name: "orderId", in: "path", required: true }));
    const create = await template("POST", "/orders");
    expect(create.body.body.mediaType).toBe("application/json");
    expect(Object.keys(JSON.parse(create.body.body.example))).toEqual(expect.arrayContaining(["item"]));
  });

  it("answers 404 for an operation of another API", async () => {
    const res = await callRoute(testRoute.GET, { path: `/apis/${api.id}/test-requests?operationId=nope`, params: { apiId: api.id } });
    expect([res.status, res.body.error.code]).toEqual([404, "not_found"]);
  });
});

