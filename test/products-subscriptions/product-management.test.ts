// Products through the management API: read, edit, publish, delete, ownership, and
// that every change is audited and reaches the gateway snapshot.
import { beforeAll, describe, expect, it } from "vitest";
import * as productsRoute from "@/app/api/v1/products/route";
import * as productRoute from "@/app/api/v1/products/[productId]/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import * as subscriptionRoute from "@/app/api/v1/subscriptions/[subscriptionId]/route";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { createIdentity, type Identity, type UserIdentity } from "../support/identities";
import { readLatestSnapshot } from "../support/latest-snapshot";

// Signed in with session cookies, as the console and portal call these routes.
let developer: UserIdentity;
let publisher: UserIdentity;
let otherPublisher: UserIdentity;
let viewer: UserIdentity;

beforeAll(async () => {
  [developer, publisher, otherPublisher, viewer] = await Promise.all(
    (["developer", "api_publisher", "api_publisher", "viewer"] as const).map((role) => createIdentity(role, { via: "session" })),
  );
});

/** Products only need APIs to exist; importing specs is tested elsewhere. */
async function createApi() {
  return db().api.create({ data: { name: "Orders", path: uniquePath("prod-api"), backendUrls: ["http://127.0.0.1:1/"] } });
}

async function createProduct(body: Record<string, unknown> = {}, as?: Identity) {
  const res = await callRoute(productsRoute.POST, { method: "POST", as, body: { name: `P ${uniquePath("p")}`, apiIds: [], ...body } });
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string; ownerId: string | null };
}

const patch = (id: string, body: unknown, as?: Identity) => callRoute(productRoute.PATCH, { method: "PATCH", as, params: { productId: id }, body });

describe("editing a product", () => {
  it("changes every field, audits before/after and publishes the new limits to the gateway", async () => {
    const [a, b] = [await createApi(), await createApi()];
    const product = await createProduct({ apiIds: [a.id] });
    const res = await patch(product.id, {
      description: "Gold tier",
      terms: "Do not resell.",
      approvalRequired: true,
      subscriptionsLimit: 2,
      rateLimit: { calls: 100, periodSeconds: 60 },
      quota: { bandwidthBytes: 5 * 1024 * 1024, period: "week" },
      apiIds: [b.id],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      description: "Gold tier",
      terms: "Do not resell.",
      approvalRequired: true,
      subscriptionsLimit: 2,
      rateLimit: { calls: 100, periodSeconds: 60 },
      quota: { calls: null, bandwidthBytes: 5 * 1024 * 1024, period: "week" },
      apis: [{ id: b.id }],
    });

    const snapshotProduct = (await readLatestSnapshot()).products.find((p) => p.id === product.id);
    expect(snapshotProduct).toMatchObject({ rateLimit: { calls: 100, periodSeconds: 60 }, apiIds: [b.id] });

    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: product.id, action: "product.updated" } });
    expect(audit.before).toMatchObject({ description: "", rateLimit: null, apis: [{ id: a.id }] });
    expect(audit.after).toMatchObject({ description: "Gold tier", rateLimit: { calls: 100 } });

    // null clears a limit; absent fields stay as they are.
    const cleared = await patch(product.id, { rateLimit: null, quota: null });
    expect(cleared.body).toMatchObject({ rateLimit: null, quota: null, description: "Gold tier", subscriptionsLimit: 2 });
  });

  it("shows a product to developers only while it is published", async () => {
    const product = await createProduct();
    const getAsDeveloper = () => callRoute(productRoute.GET, { as: developer, params: { productId: product.id } });
    const listedToDeveloper = async () =>
      ((await callRoute(productsRoute.GET, { as: developer, path: `/products?search=${encodeURIComponent(product.name)}` })).body.items as { id: string }[]).some(
        (p) => p.id === product.id,
      );

    expect((await getAsDeveloper()).status).toBe(404);
    expect(await listedToDeveloper()).toBe(false);

    expect((await patch(product.id, { state: "published" })).body.state).toBe("published");
    expect((await getAsDeveloper()).status).toBe(200);
    expect(await listedToDeveloper()).toBe(true);

    await patch(product.id, { state: "draft" });
    expect((await getAsDeveloper()).status).toBe(404);
    const actions = await db().auditEvent.findMany({ where: { entityId: product.id }, orderBy: { at: "asc" } });
    expect(actions.map((e) => e.action)).toEqual(["product.created", "product.published", "product.unpublished"]);
  });
});

describe("ownership", () => {
  it("lets publishers manage their own products only; admins manage all", async () => {
    const mine = await createProduct({}, publisher);
    expect(mine.ownerId).toBe(publisher.userId);

    expect((await patch(mine.id, { description: "by owner" }, publisher)).status).toBe(200);
    const foreign = await patch(mine.id, { description: "by someone else" }, otherPublisher);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe("forbidden");
    expect((await callRoute(productRoute.DELETE, { method: "DELETE", as: otherPublisher, params: { productId: mine.id } })).status).toBe(403);
    expect((await patch(mine.id, { description: "by admin" })).status).toBe(200);
  });

  it("refuses to let a publisher bundle an API owned by someone else", async () => {
    const api = await createApi();
    await db().api.update({ where: { id: api.id }, data: { ownerId: otherPublisher.userId } });
    const mine = await createProduct({}, publisher);
    expect((await patch(mine.id, { apiIds: [api.id] }, publisher)).status).toBe(403);
    expect((await patch(mine.id, { apiIds: [api.id] }, otherPublisher)).status).toBe(403); // not their product
    expect((await patch(mine.id, { apiIds: [api.id] })).status).toBe(200); // admins may
  });
});

describe("deleting a product", () => {
  it("refuses with 409 while live subscriptions exist, and cancels them when asked", async () => {
    const product = await createProduct({ state: "published" });
    const live = await callRoute(subscriptionsRoute.POST, { method: "POST", body: { productId: product.id, name: "live" } });
    const ended = await callRoute(subscriptionsRoute.POST, { method: "POST", body: { productId: product.id, name: "ended" } });
    await callRoute(subscriptionRoute.PATCH, { method: "PATCH", params: { subscriptionId: ended.body.id }, body: { state: "cancelled" } });

    const refused = await callRoute(productRoute.DELETE, { method: "DELETE", params: { productId: product.id } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("1 live subscription");
    expect((await callRoute(productRoute.GET, { params: { productId: product.id } })).status).toBe(200);

    const deleted = await callRoute(productRoute.DELETE, {
      method: "DELETE",
      path: "/products/x?deleteSubscriptions=true",
      params: { productId: product.id },
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: product.id, deleted: true, cancelledSubscriptions: 1 });
    expect((await callRoute(productRoute.GET, { params: { productId: product.id } })).status).toBe(404);

    const cancelled = await db().auditEvent.findFirstOrThrow({ where: { entityId: live.body.id, action: "subscription.cancelled_with_product" } });
    expect(cancelled.before).toMatchObject({ state: "active" });
    expect(cancelled.after).toMatchObject({ state: "cancelled" });
    expect(await db().auditEvent.count({ where: { entityId: product.id, action: "product.deleted" } })).toBe(1);
  });

  it("deletes a product without live subscriptions straight away", async () => {
    const product = await createProduct();
    const res = await callRoute(productRoute.DELETE, { method: "DELETE", params: { productId: product.id } });
    expect(res.body).toEqual({ id: product.id, deleted: true, cancelledSubscriptions: 0 });
  });
});

describe("errors", () => {
  let existing: { id: string; name: string };
  beforeAll(async () => {
    existing = await createProduct();
  });

  it.each([
    ["an unknown product (GET)", () => callRoute(productRoute.GET, { params: { productId: "nope" } }), 404, "not_found"],
    ["an unknown product (PATCH)", () => patch("nope", { description: "x" }), 404, "not_found"],
    ["an unknown product (DELETE)", () => callRoute(productRoute.DELETE, { method: "DELETE", params: { productId: "nope" } }), 404, "not_found"],
    ["a body that is not JSON", () => callRoute(productRoute.PATCH, { method: "PATCH", params: { productId: existing.id }, rawBody: "{" }), 400, "invalid_json"],
    ["an unknown state", () => patch(existing.id, { state: "archived" }), 400, "validation_failed"],
    ["a rate limit without a period", () => patch(existing.id, { rateLimit: { calls: 10 } }), 400, "validation_failed"],
    ["a quota with neither calls nor bandwidth", () => patch(existing.id, { quota: { period: "day" } }), 400, "validation_failed"],
    ["a quota period that does not exist", () => patch(existing.id, { quota: { calls: 5, period: "year" } }), 400, "validation_failed"],
    ["a zero subscription limit", () => patch(existing.id, { subscriptionsLimit: 0 }), 400, "validation_failed"],
    ["unknown API ids", () => patch(existing.id, { apiIds: ["nope"] }), 422, "unprocessable"],
    ["a name another product has", async () => patch(existing.id, { name: (await createProduct()).name }), 409, "conflict"],
    ["a viewer editing", () => patch(existing.id, { description: "x" }, viewer), 403, "forbidden"],
    ["a developer deleting", () => callRoute(productRoute.DELETE, { method: "DELETE", as: developer, params: { productId: existing.id } }), 403, "forbidden"],
  ] as const)("answers %s with a structured error", async (_name, call, status, code) => {
    const res = await call();
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });
});
