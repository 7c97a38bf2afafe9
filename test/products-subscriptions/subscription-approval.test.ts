// Subscriptions through the management API: approval, rejection with a reason, terms,
// the per-developer limit, API scope, filters and expiry (without a gateway; see
// subscription-enforced.test.ts for what the gateway does with them).
import { beforeAll, describe, expect, it } from "vitest";
import * as productsRoute from "@/app/api/v1/products/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import * as subscriptionRoute from "@/app/api/v1/subscriptions/[subscriptionId]/route";
import { db } from "@/lib/db";
import { expireDueSubscriptions } from "@/lib/subscriptions/expire-due-subscriptions";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { bootstrapAdmin, createIdentity, type Identity, type UserIdentity } from "../support/identities";

// Developers and publishers signed in with session cookies, as the portal and console call;
// `admin` is the bootstrap admin token.
const admin = bootstrapAdmin;
let developer: UserIdentity;
let otherDeveloper: UserIdentity;
let publisher: UserIdentity;

beforeAll(async () => {
  [developer, otherDeveloper, publisher] = await Promise.all(
    (["developer", "developer", "api_publisher"] as const).map((role) => createIdentity(role, { via: "session" })),
  );
});

type Sub = { id: string; state: string; stateComment: string; scope: string; primaryKey?: string };

async function publishedProduct(body: Record<string, unknown> = {}) {
  const res = await callRoute(productsRoute.POST, { method: "POST", body: { name: `S ${uniquePath("p")}`, state: "published", ...body } });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

const subscribe = (as: Identity, body: Record<string, unknown>) => callRoute(subscriptionsRoute.POST, { method: "POST", as, body });
const changeState = (as: Identity, id: string, body: Record<string, unknown>) =>
  callRoute(subscriptionRoute.PATCH, { method: "PATCH", as, params: { subscriptionId: id }, body });
const list = async (as: Identity, query: string) => ((await callRoute(subscriptionsRoute.GET, { as, path: `/subscriptions${query}` })).body.items ?? []) as Sub[];

describe("approval workflow", () => {
  it("queues a developer's request as submitted until an admin approves it", async () => {
    const product = await publishedProduct({ approvalRequired: true });
    const request = await subscribe(developer, { productId: product.id, name: "my app" });
    expect(request.status).toBe(201);
    expect(request.body).toMatchObject({ state: "submitted", scope: "product" });
    expect(request.body.primaryKey).toMatch(/^[0-9a-f]{32}$/);

    const pending = await list(admin, `?state=submitted&productId=${product.id}`);
    expect(pending.map((s) => s.id)).toEqual([request.body.id]);
    expect(await list(admin, `?state=active&productId=${product.id}`)).toEqual([]);

    const approved = await changeState(admin, request.body.id, { state: "active", comment: "Welcome aboard" });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: "active", stateComment: "Welcome aboard" });
    expect(await db().auditEvent.count({ where: { entityId: request.body.id, action: "subscription.approved" } })).toBe(1);
    // The developer sees the outcome.
    expect((await list(developer, "")).find((s) => s.id === request.body.id)).toMatchObject({ state: "active" });
  });

  it("requires a reason to reject, and shows it to the developer", async () => {
    const product = await publishedProduct({ approvalRequired: true });
    const request = await subscribe(developer, { productId: product.id, name: "rejected app" });

    for (const body of [{ state: "rejected" }, { state: "rejected", comment: "   " }]) {
      const res = await changeState(admin, request.body.id, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
      expect(res.body.error.message).toContain("reason");
    }
    const rejected = await changeState(admin, request.body.id, { state: "rejected", comment: "Company e-mail needed" });
    expect(rejected.body).toMatchObject({ state: "rejected", stateComment: "Company e-mail needed" });
    expect((await list(developer, "?state=rejected")).find((s) => s.id === request.body.id)).toMatchObject({
      stateComment: "Company e-mail needed",
    });
    expect((await changeState(admin, request.body.id, { state: "active" })).status).toBe(409);
  });

  it("lets developers cancel only their own requests, and publishers decide only for their products", async () => {
    const product = await publishedProduct({ approvalRequired: true });
    const request = await subscribe(developer, { productId: product.id, name: "app" });
    const id = request.body.id;

    expect((await changeState(developer, id, { state: "active" })).status).toBe(403);
    expect((await changeState(otherDeveloper, id, { state: "cancelled" })).status).toBe(404);
    await db().product.update({ where: { id: product.id }, data: { ownerId: otherDeveloper.userId } }); // not the publisher's
    expect((await changeState(publisher, id, { state: "active" })).status).toBe(403);
    expect((await changeState(developer, id, { state: "cancelled" })).body.state).toBe("cancelled");
  });
});

describe("subscribing as a developer", () => {
  it("requires accepting the product's terms (admins are exempt)", async () => {
    const product = await publishedProduct({ terms: "No scraping." });
    for (const acceptTerms of [undefined, false]) {
      const res = await subscribe(developer, { productId: product.id, name: "t", acceptTerms });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain("terms");
    }
    const accepted = await subscribe(developer, { productId: product.id, name: "t", acceptTerms: true });
    expect(accepted.status).toBe(201);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: accepted.body.id, action: "subscription.created" } });
    expect(audit.after).toMatchObject({ termsAccepted: true });
    expect((await subscribe(admin, { productId: product.id, name: "by admin", userId: developer.userId })).status).toBe(201);
  });

  it("enforces the per-developer limit on live subscriptions only", async () => {
    const product = await publishedProduct({ subscriptionsLimit: 1 });
    const first = await subscribe(otherDeveloper, { productId: product.id, name: "one" });
    expect(first.status).toBe(201);
    const second = await subscribe(otherDeveloper, { productId: product.id, name: "two" });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("conflict");

    // An expired subscription frees its slot (the sweep stores it as expired first).
    await db().subscription.update({ where: { id: first.body.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const third = await subscribe(otherDeveloper, { productId: product.id, name: "three" });
    expect(third.status).toBe(201);
    expect((await db().subscription.findUniqueOrThrow({ where: { id: first.body.id } })).state).toBe("EXPIRED");
  });

  it("holds the limit when requests race", async () => {
    const product = await publishedProduct({ subscriptionsLimit: 1 });
    const statuses = await Promise.all(
      ["a", "b", "c", "d"].map(async (name) => (await subscribe(developer, { productId: product.id, name })).status),
    );
    expect(statuses.sort()).toEqual([201, 409, 409, 409]);
  });

  it("keeps developers to their own subscriptions whatever they filter by", async () => {
    const product = await publishedProduct();
    const theirs = await subscribe(otherDeveloper, { productId: product.id, name: "theirs" });
    expect((await list(developer, `?userId=${otherDeveloper.userId}`)).map((s) => s.id)).not.toContain(theirs.body.id);
    expect((await list(admin, `?userId=${otherDeveloper.userId}`)).map((s) => s.id)).toContain(theirs.body.id);
  });
});

describe("API-scoped subscriptions", () => {
  it("are created by admins for a single API", async () => {
    const api = await db().api.create({ data: { name: "Single", path: uniquePath("single"), backendUrls: ["http://127.0.0.1:1/"] } });
    const res = await subscribe(admin, { apiId: api.id, name: "partner" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: "active", scope: "api", api: { id: api.id }, product: null });
    expect((await list(admin, `?apiId=${api.id}`)).map((s) => s.id)).toEqual([res.body.id]);
  });
});

describe("expiry", () => {
  it("lists a passed expiry as expired without storing it; the expiry job stores it, audited; no reactivation", async () => {
    const product = await publishedProduct({ approvalRequired: true });
    const inAMinute = new Date(Date.now() + 60_000).toISOString();
    const request = await subscribe(developer, { productId: product.id, name: "short", expiresAt: inAMinute });
    await db().subscription.update({ where: { id: request.body.id }, data: { expiresAt: new Date(Date.now() - 1) } });

    expect((await list(admin, `?state=expired&productId=${product.id}`)).map((s) => s.id)).toEqual([request.body.id]);
    expect((await db().subscription.findUniqueOrThrow({ where: { id: request.body.id } })).state).toBe("SUBMITTED");
    expect(await db().auditEvent.count({ where: { entityId: request.body.id, action: "subscription.expired" } })).toBe(0);
    expect(await expireDueSubscriptions()).toContain(request.body.id);
    expect(await db().auditEvent.count({ where: { entityId: request.body.id, action: "subscription.expired" } })).toBe(1);
    expect((await changeState(admin, request.body.id, { state: "active" })).status).toBe(409);
  });
});

describe("errors", () => {
  let product: { id: string };
  let draft: { id: string };
  beforeAll(async () => {
    product = await publishedProduct();
    draft = await publishedProduct({ state: "draft" });
  });

  it.each([
    ["neither productId nor apiId", "admin", () => ({ name: "x" }), 400, "validation_failed"],
    ["both productId and apiId", "admin", () => ({ name: "x", productId: product.id, apiId: "a" }), 400, "validation_failed"],
    ["an expiry in the past", "admin", () => ({ name: "x", productId: product.id, expiresAt: "2001-01-01T00:00:00Z" }), 400, "bad_request"],
    ["an unknown API", "admin", () => ({ name: "x", apiId: "nope" }), 404, "not_found"],
    ["a developer asking for an API-scoped subscription", "developer", () => ({ name: "x", apiId: "any" }), 403, "forbidden"],
    ["a developer subscribing to a draft product", "developer", () => ({ name: "x", productId: draft.id }), 404, "not_found"],
    ["a developer subscribing for someone else", "developer", () => ({ name: "x", productId: product.id, userId: publisher.userId }), 403, "forbidden"],
  ] as const)("answers %s with a structured error", async (_name, who, body, status, code) => {
    const res = await subscribe(who === "developer" ? developer : admin, body());
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });

  it("refuses an unknown state filter with 400", async () => {
    const res = await callRoute(subscriptionsRoute.GET, { path: "/subscriptions?state=pending" });
    expect(res.status).toBe(400);
  });
});
