// The portal's subscriptions: subscribing records the terms accepted (who, when, the text and
// its version), a changed text is refused rather than accepted unread, a subscription's page
// gets the APIs it opens, and an ended subscription's keys cannot be regenerated.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as productsRoute from "@/app/api/v1/products/route";
import * as productRoute from "@/app/api/v1/products/[productId]/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import * as subscriptionRoute from "@/app/api/v1/subscriptions/[subscriptionId]/route";
import * as regenerateRoute from "@/app/api/v1/subscriptions/[subscriptionId]/regenerate-key/route";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { bootstrapAdmin, createIdentity, type Identity, type UserIdentity } from "../support/identities";
import { importedApi } from "../support/import-api";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const TERMS = "No scraping.\nAt most one app per team.";

let developer: UserIdentity;
let api: { id: string; name: string; path: string };

async function publishedProduct(fields: Record<string, unknown> = {}) {
  const res = await callRoute(productsRoute.POST, {
    method: "POST",
    body: { name: `Terms ${uniquePath("p")}`, apiIds: [api.id], state: "published", ...fields },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string };
}

const subscribe = (body: Record<string, unknown>, as: Identity = developer) =>
  callRoute(subscriptionsRoute.POST, { method: "POST", body: { name: "app", ...body }, as });
const detail = (subscriptionId: string, as: Identity = developer) => callRoute(subscriptionRoute.GET, { params: { subscriptionId }, as });

beforeAll(async () => {
  developer = await createIdentity("developer", { via: "session", tag: "terms" });
  api = await importedApi({ name: "Orders", path: uniquePath("terms"), lifecycle: "published" });
});

describe("subscribing to a product with terms", () => {
  it("records who accepted which text, and when, on the subscription", async () => {
    const product = await publishedProduct({ terms: TERMS });
    const before = Date.now();
    const res = await subscribe({ productId: product.id, acceptTerms: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.termsAcceptance).toMatchObject({ acceptedById: developer.userId, version: sha256(TERMS) });
    expect(Date.parse(res.body.termsAcceptance.acceptedAt)).toBeGreaterThanOrEqual(before - 1000);

    const row = await db().subscription.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ termsText: TERMS, termsVersion: sha256(TERMS), termsAcceptedById: developer.userId });

    const page = await detail(res.body.id);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ acceptedTerms: TERMS, termsAcceptance: res.body.termsAcceptance });
    expect(page.body.apis).toEqual([{ id: api.id, name: api.name, gatewayPath: api.path }]);
  });

  it("accepts the version the portal showed, and refuses terms changed since (409), keeping the text accepted", async () => {
    const product = await publishedProduct({ terms: TERMS });
    expect((await subscribe({ productId: product.id, acceptTerms: true, termsVersion: sha256(TERMS) })).status).toBe(201);

    const edited = await callRoute(productRoute.PATCH, { method: "PATCH", params: { productId: product.id }, body: { terms: `${TERMS}\nNew clause.` } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const stale = await subscribe({ productId: product.id, acceptTerms: true, termsVersion: sha256(TERMS) });
    expect([stale.status, stale.body.error.code]).toEqual([409, "conflict"]);
    expect(stale.body.error.message).toContain("changed since you read them");

    const fresh = await subscribe({ productId: product.id, acceptTerms: true, termsVersion: sha256(`${TERMS}\nNew clause.`) });
    expect(fresh.status).toBe(201);
    expect((await detail(fresh.body.id)).body.acceptedTerms).toBe(`${TERMS}\nNew clause.`);
  });

  it("records nothing without terms, or when an admin subscribes someone", async () => {
    const plain = await publishedProduct();
    const mine = await subscribe({ productId: plain.id });
    expect(mine.body.termsAcceptance).toBeNull();
    expect((await detail(mine.body.id)).body.acceptedTerms).toBeNull();

    const withTerms = await publishedProduct({ terms: TERMS });
    const byAdmin = await subscribe({ productId: withTerms.id, userId: developer.userId }, bootstrapAdmin);
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body.termsAcceptance).toBeNull();
  });
});

describe("a subscription's keys", () => {
  it("are regenerated while it is live, and not once it ended (409)", async () => {
    const product = await publishedProduct();
    const sub = await subscribe({ productId: product.id });
    const regenerate = () => callRoute(regenerateRoute.POST, { method: "POST", params: { subscriptionId: sub.body.id }, body: { key: "primary" }, as: developer });
    const rotated = await regenerate();
    expect(rotated.status).toBe(200);
    expect(rotated.body.primaryKey).not.toBe(sub.body.primaryKey);

    await callRoute(subscriptionRoute.PATCH, { method: "PATCH", params: { subscriptionId: sub.body.id }, body: { state: "cancelled" }, as: developer });
    const refused = await regenerate();
    expect([refused.status, refused.body.error.code]).toEqual([409, "conflict"]);
    expect(refused.body.error.message).toContain("cancelled");
  });
});
