// The console side of limits: PATCH /api/v1/apis/{id} sets an API's own rate
// limit (and how limits are counted and answered), a running gateway enforces it
// beside the product's, and GET /api/v1/subscriptions/{id}/usage reads the same
// counters the gateway wrote. Developers see only their own subscription's usage.
import { parseList, type Item } from "structured-headers";
import { describe, expect, it } from "vitest";
import * as apiRoute from "@/app/api/v1/apis/[apiId]/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import * as usageRoute from "@/app/api/v1/subscriptions/[subscriptionId]/usage/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { callGateway } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { createIdentity } from "../support/identities";
import { importedApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";

const stack = useInProcessStack();

const policyNames = (header: string | null) => (parseList(header ?? "") as Item[]).map(([name]) => String(name));

describe("API limits set in the console, and a subscription's usage", () => {
  it("enforces the API's own limit beside the product's, and answers usage from the gateway's counters", async () => {
    const path = uniquePath("limited");
    const api = await importedApi({ name: "Limited", path, backendUrl: stack.backendUrl });
    const product = await callRoute(productsRoute.POST, {
      method: "POST",
      body: { name: `Limited ${path}`, apiIds: [api.id], state: "published", rateLimit: { calls: 4, periodSeconds: 60 }, quota: { calls: 10, period: "day" } },
    });
    expect(product.status).toBe(201);
    const developer = await createIdentity("developer", { via: "session" });
    const sub = await callRoute(subscriptionsRoute.POST, { method: "POST", as: developer, body: { productId: product.body.id, name: "mine" } });
    expect(sub.status).toBe(201);

    const patched = await callRoute(apiRoute.PATCH, {
      method: "PATCH",
      params: { apiId: api.id },
      body: { rateLimit: { calls: 3, periodSeconds: 60 }, legacyRateLimitHeaders: true, onLimiterFailure: "closed" },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ rateLimit: { calls: 3, periodSeconds: 60 }, quota: null, limitKey: null, onLimiterFailure: "closed", legacyRateLimitHeaders: true });

    const key = sub.body.primaryKey as string;
    const first = await waitFor(async () => {
      const res = await callGateway(stack, `/${path}/hello`, { key });
      expect(policyNames(res.headers.get("ratelimit-policy"))).toEqual(["product-rate", "api-rate", "product-quota"]);
      return res;
    }, 5000);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-ratelimit-limit")).toBe("3");
    const statuses = [first.status];
    for (let i = 0; i < 3; i++) statuses.push((await callGateway(stack, `/${path}/hello`, { key })).status);
    expect(statuses).toEqual([200, 200, 200, 429]); // the API's 3, not the product's 4

    const usage = await callRoute(usageRoute.GET, { as: developer, params: { subscriptionId: sub.body.id } });
    expect(usage.status, JSON.stringify(usage.body)).toBe(200);
    // Both stack for this subscription: the product's limits (counted across its APIs) and the API's own.
    expect(usage.body).toMatchObject({
      subscriptionId: sub.body.id,
      limits: [
        {
          scope: "product",
          api: null,
          operation: null,
          countedBy: { by: "subscription" },
          // The refused fourth call consumed nothing.
          rate: { limit: 4, periodSeconds: 60, remaining: 1 },
          quota: { period: "day", rolling: false, calls: { limit: 10, used: 3 }, bytes: null },
        },
        { scope: "api", api: { id: api.id, name: "Limited" }, operation: null, countedBy: { by: "subscription" }, rate: { limit: 3, remaining: 0 }, quota: null },
      ],
    });
    const [productLimits] = usage.body.limits;
    expect(Date.parse(productLimits.rate.resetsAt)).toBeGreaterThan(0);
    expect(Date.parse(productLimits.quota.calls.resetsAt)).toBeGreaterThan(Date.parse(productLimits.rate.resetsAt) - 60_000);

    const stranger = await createIdentity("developer", { via: "session" });
    expect((await callRoute(usageRoute.GET, { as: stranger, params: { subscriptionId: sub.body.id } })).status).toBe(404);
    const viewer = await createIdentity("viewer");
    expect((await callRoute(usageRoute.GET, { as: viewer, params: { subscriptionId: sub.body.id } })).status).toBe(200);

    const cleared = await callRoute(apiRoute.PATCH, { method: "PATCH", params: { apiId: api.id }, body: { rateLimit: null } });
    expect(cleared.body).toMatchObject({ rateLimit: null, onLimiterFailure: "closed", legacyRateLimitHeaders: true });
  });

  it("refuses limits the gateway could not enforce", async () => {
    const api = await importedApi({ path: uniquePath("bad-limits") });
    for (const body of [
      { rateLimit: { calls: 0, periodSeconds: 60 } },
      { quota: { calls: null, bandwidthBytes: null, period: "day" } },
      { limitKey: { by: "header", header: "not a header" } },
      { onLimiterFailure: "maybe" },
    ]) {
      const res = await callRoute(apiRoute.PATCH, { method: "PATCH", params: { apiId: api.id }, body });
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
    }
  });
});
