// The management API contract: shapes of the foundation routes and their errors.
import { describe, expect, it } from "vitest";
import * as apisRoute from "@/app/api/v1/apis/route";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import * as subscriptionRoute from "@/app/api/v1/subscriptions/[subscriptionId]/route";
import * as secretsRoute from "@/app/api/v1/subscriptions/[subscriptionId]/secrets/route";
import * as regenerateRoute from "@/app/api/v1/subscriptions/[subscriptionId]/regenerate-key/route";
import { sha256Hex } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { callRoute, type CallOptions } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { withToken } from "../support/identities";
import { importApi, importedApi } from "../support/import-api";

const createApi = () => importedApi({ name: "Orders", path: uniquePath("orders") });

describe("happy path", () => {
  it("imports an API, groups it in a product, subscribes and manages the subscription", async () => {
    const api = await createApi();
    expect(api).toMatchObject({ name: "Orders", lifecycle: "published", backendUrls: ["http://127.0.0.1:1/"] });
    expect(api.operations).toHaveLength(5);
    expect(api.lint).toMatchObject({ ruleset: "recommended" });

    const listed = await callRoute(apisRoute.GET, { path: `/apis?search=${api.path}` });
    expect(listed.body.items.map((a: { id: string }) => a.id)).toContain(api.id);
    const fetched = await callRoute(apiRoute.GET, { params: { apiId: api.id } });
    expect(fetched.body.operations.map((o: { operationId: string }) => o.operationId)).toContain("getOrder");

    const product = await callRoute(productsRoute.POST, {
      method: "POST",
      body: { name: `Gold ${uniquePath("p")}`, apiIds: [api.id], approvalRequired: false, state: "published" },
    });
    expect(product.status).toBe(201);
    expect(product.body).toMatchObject({ state: "published", approvalRequired: false, apis: [{ id: api.id }] });

    const sub = await callRoute(subscriptionsRoute.POST, { method: "POST", body: { productId: product.body.id, name: "CI" } });
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ state: "active", product: { id: product.body.id } });
    expect(sub.body.primaryKey).toMatch(/^[0-9a-f]{32}$/);
    expect(sub.body.secondaryKey).not.toBe(sub.body.primaryKey);

    // Keys are stored hashed and encrypted, never in clear.
    const row = await db().subscription.findUniqueOrThrow({
      where: { id: sub.body.id },
      // Every stored column, the secret ones too, which db() leaves out by default.
      omit: { primaryKeyHash: false, secondaryKeyHash: false, primaryKeyEncrypted: false, secondaryKeyEncrypted: false },
    });
    expect(row.primaryKeyHash).toBe(sha256Hex(sub.body.primaryKey));
    expect(JSON.stringify(row)).not.toContain(sub.body.primaryKey);

    const secrets = await callRoute(secretsRoute.GET, { params: { subscriptionId: sub.body.id } });
    expect(secrets.body).toEqual({ primaryKey: sub.body.primaryKey, secondaryKey: sub.body.secondaryKey });

    const rotated = await callRoute(regenerateRoute.POST, { method: "POST", params: { subscriptionId: sub.body.id }, body: { key: "secondary" } });
    expect(rotated.body.primaryKey).toBe(sub.body.primaryKey);
    expect(rotated.body.secondaryKey).not.toBe(sub.body.secondaryKey);

    const suspended = await callRoute(subscriptionRoute.PATCH, {
      method: "PATCH",
      params: { subscriptionId: sub.body.id },
      body: { state: "suspended", comment: "unpaid" },
    });
    expect(suspended.body).toMatchObject({ state: "suspended", stateComment: "unpaid" });

    const audit = await db().auditEvent.findMany({ where: { entityId: sub.body.id }, orderBy: { at: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["subscription.created", "subscription.secondary_key_regenerated", "subscription.state_changed"]);
  });
});

describe("errors", () => {
  const badSpec = "openapi: 3.0.0\ninfo: [unclosed";

  it.each([
    ["no token", apisRoute.GET, { as: null }, 401, "unauthorized"],
    ["a wrong token", apisRoute.GET, { as: withToken("wrong-token-0123456789") }, 401, "unauthorized"],
    ["a malformed Authorization header", apisRoute.GET, { as: withToken("") }, 401, "unauthorized"],
    ["a body that is not JSON", apisRoute.POST, { method: "POST", rawBody: "{nope" }, 400, "invalid_json"],
    ["missing fields", apisRoute.POST, { method: "POST", body: { name: "x" } }, 400, "validation_failed"],
    ["an invalid path", apisRoute.POST, { method: "POST", body: { name: "x", path: "a b", backendUrl: "http://x", spec: "{}" } }, 400, "validation_failed"],
    ["an unusable spec", apisRoute.POST, { method: "POST", body: { name: "x", path: "bad-spec", backendUrl: "http://x.test", spec: badSpec } }, 422, "invalid_spec"],
    ["an unknown API", apiRoute.GET, { params: { apiId: "nope" } }, 404, "not_found"],
    ["a product with unknown APIs", productsRoute.POST, { method: "POST", body: { name: "Ghost", apiIds: ["nope"] } }, 422, "unprocessable"],
    ["an out-of-range limit", productsRoute.POST, { method: "POST", body: { name: "Huge", subscriptionsLimit: 3_000_000_000 } }, 400, "validation_failed"],
    ["a subscription to an unknown product", subscriptionsRoute.POST, { method: "POST", body: { productId: "nope", name: "x" } }, 404, "not_found"],
    ["an unknown subscription", subscriptionRoute.PATCH, { method: "PATCH", params: { subscriptionId: "nope" }, body: { state: "active" } }, 404, "not_found"],
    ["an unknown state", subscriptionRoute.PATCH, { method: "PATCH", params: { subscriptionId: "nope" }, body: { state: "paused" } }, 400, "validation_failed"],
  ] as const)("answers %s with a structured error", async (_name, handler, options, status, code) => {
    const res = await callRoute(handler, options as CallOptions);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(typeof res.body.error.message).toBe("string");
  });

  it("refuses a second API on the same path with 409", async () => {
    const api = await createApi();
    const again = await importApi({ name: "Again", path: api.path, backendUrl: "http://127.0.0.1:1" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");
  });

  it("refuses a move out of a terminal state with 409", async () => {
    const api = await createApi();
    const product = await callRoute(productsRoute.POST, { method: "POST", body: { name: `T ${uniquePath("p")}`, apiIds: [api.id] } });
    const sub = await callRoute(subscriptionsRoute.POST, { method: "POST", body: { productId: product.body.id, name: "x" } });
    const params = { subscriptionId: sub.body.id };
    expect((await callRoute(subscriptionRoute.PATCH, { method: "PATCH", params, body: { state: "cancelled" } })).status).toBe(200);
    const reopen = await callRoute(subscriptionRoute.PATCH, { method: "PATCH", params, body: { state: "active" } });
    expect(reopen.status).toBe(409);
  });

  it("forbids a viewer token from importing (403)", async () => {
    const token = `viewer-${uniquePath("t")}`;
    await db().adminApiToken.create({ data: { name: "viewer", tokenHash: sha256Hex(token), prefix: token.slice(0, 6), role: "VIEWER" } });
    const listed = await callRoute(apisRoute.GET, { as: withToken(token) });
    expect(listed.status).toBe(200);
    const res = await importApi({ name: "x", path: "x", backendUrl: "http://x.test" }, withToken(token));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
  });
});
