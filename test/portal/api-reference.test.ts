// GET /apis/{id}/reference: the portal's API page. The document's servers are the gateway's
// address, every operation has code samples with the key as a placeholder, the products that
// contain it are listed, and a developer sees only their own subscriptions to it.
import { beforeAll, describe, expect, it } from "vitest";
import * as exampleCallRoute from "@/app/api/v1/apis/[apiId]/example-call/route";
import * as referenceRoute from "@/app/api/v1/apis/[apiId]/reference/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import * as subscriptionRoute from "@/app/api/v1/subscriptions/[subscriptionId]/route";
import { env } from "@/lib/env";
import { SUBSCRIPTION_KEY_PLACEHOLDER } from "@/lib/portal/operation-samples";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { createIdentity, type UserIdentity } from "../support/identities";
import { importedApi } from "../support/import-api";

const reference = (apiId: string, as?: UserIdentity) => callRoute(referenceRoute.GET, { params: { apiId }, as });
const exampleCall = (apiId: string, as?: UserIdentity) => callRoute(exampleCallRoute.GET, { params: { apiId }, as });

let api: { id: string; path: string };
let productId: string;
let alice: UserIdentity;
let bob: UserIdentity;
const subscriptionIds: Record<string, string> = {};

async function subscribe(as: UserIdentity, name: string) {
  const res = await callRoute(subscriptionsRoute.POST, { method: "POST", body: { productId, name }, as });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  api = await importedApi({ path: uniquePath("portal-ref"), lifecycle: "published" });
  const product = await callRoute(productsRoute.POST, { method: "POST", body: { name: `Portal ${api.path}`, apiIds: [api.id], state: "published" } });
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  productId = product.body.id;
  [alice, bob] = await Promise.all([createIdentity("developer", { via: "session", tag: "alice" }), createIdentity("developer", { via: "session", tag: "bob" })]);
  subscriptionIds.alice = await subscribe(alice, "alice app");
  subscriptionIds.aliceCancelled = await subscribe(alice, "alice old app");
  subscriptionIds.bob = await subscribe(bob, "bob app");
  const cancelled = await callRoute(subscriptionRoute.PATCH, { method: "PATCH", params: { subscriptionId: subscriptionIds.aliceCancelled }, body: { state: "cancelled" }, as: alice });
  expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
});

describe("GET /apis/{id}/reference", () => {
  it("points the document at the gateway and gives every operation samples that call it", async () => {
    const res = await reference(api.id, alice);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const serverUrl = `${env().GATEWAY_PUBLIC_URL.replace(/\/+$/, "")}/${api.path}`;
    expect(res.body).toMatchObject({ apiId: api.id, lifecycle: "published", serverUrl, version: null, keyPlaceholder: SUBSCRIPTION_KEY_PLACEHOLDER, tokenRequired: false });
    expect(res.body.document.servers).toEqual([{ url: serverUrl, description: "Portcullis gateway" }]);
    expect(res.body.operations).toHaveLength(5);
    const getOrder = res.body.operations.find((o: { path: string }) => o.path === "/orders/{orderId}");
    expect(getOrder.url).toBe(`${serverUrl}/orders/string`);
    expect(getOrder.samples.map((s: { language: string }) => s.language)).toEqual(["curl", "javascript", "python", "go", "csharp"]);
    for (const sample of getOrder.samples) expect(sample.code).toContain(SUBSCRIPTION_KEY_PLACEHOLDER);
    expect(res.body.products).toEqual([{ id: productId, name: `Portal ${api.path}` }]);
  });

  it("lists only the caller's own active subscriptions that open the API", async () => {
    const [forAlice, forBob] = await Promise.all([reference(api.id, alice), reference(api.id, bob)]);
    expect(forAlice.body.subscriptions).toEqual([{ id: subscriptionIds.alice, name: "alice app", productName: `Portal ${api.path}` }]);
    expect(forBob.body.subscriptions).toEqual([{ id: subscriptionIds.bob, name: "bob app", productName: `Portal ${api.path}` }]);
    // An admin token acting for no user has no subscriptions of its own.
    expect((await reference(api.id)).body.subscriptions).toEqual([]);
  });

  it("says when calls need a bearer token, so try-it offers one", async () => {
    const guarded = await importedApi({ path: uniquePath("portal-jwt"), lifecycle: "published", jwtRequirements: { issuer: "https://issuer.example", audiences: ["orders"], jwksUri: "https://issuer.example/jwks" } });
    const res = await reference(guarded.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.tokenRequired).toBe(true);
  });

  it("answers 404 to a developer for an API they may not see (a draft), as for one that does not exist", async () => {
    const draft = await importedApi({ path: uniquePath("portal-draft") });
    for (const id of [draft.id, "no-such-api"]) {
      const res = await reference(id, alice);
      expect([res.status, res.body.error.code]).toEqual([404, "not_found"]);
    }
    expect((await reference(draft.id)).status).toBe(200); // console roles see drafts
  });
});

describe("GET /apis/{id}/example-call", () => {
  it("gives the curl sample of a GET without path parameters, the same the API page shows, and nothing else", async () => {
    const [res, ref] = await Promise.all([exampleCall(api.id, alice), reference(api.id, alice)]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["apiId", "keyPlaceholder", "name", "operation"]);
    const { method, path, curl } = res.body.operation;
    expect(method).toBe("GET");
    expect(path).not.toContain("{");
    const onPage = ref.body.operations.find((o: { method: string; path: string }) => o.method === method && o.path === path);
    expect(curl).toBe(onPage.samples.find((s: { language: string }) => s.language === "curl").code);
    expect(curl).toContain(`${env().GATEWAY_PUBLIC_URL.replace(/\/+$/, "")}/${api.path}${path}`);
    expect(curl).toContain(SUBSCRIPTION_KEY_PLACEHOLDER);
  });

  it("answers 404 to a developer for a draft API, as the reference does", async () => {
    const draft = await importedApi({ path: uniquePath("portal-example-draft") });
    const res = await exampleCall(draft.id, alice);
    expect([res.status, res.body.error.code]).toEqual([404, "not_found"]);
    expect((await exampleCall(draft.id)).status).toBe(200);
  });
});
