// A change made through the management API is enforced by an already running
// gateway, without a restart: the config channel end to end (PostgreSQL -> Redis -> gateway).
import { describe, expect, it } from "vitest";
import * as productsRoute from "@/app/api/v1/products/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import * as subscriptionRoute from "@/app/api/v1/subscriptions/[subscriptionId]/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { callGateway } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { importApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";

const stack = useInProcessStack();

const expectStatus = (path: string, key: string | undefined, status: number) =>
  waitFor(async () => expect((await callGateway(stack, path, { key })).status).toBe(status), 5000);

describe("config change enforced without restart", () => {
  it("follows a subscription through suspend, reactivate and cancel", async () => {
    const path = uniquePath("live");
    const api = await importApi({ name: "Live", path, backendUrl: stack.backendUrl });
    const product = await callRoute(productsRoute.POST, {
      method: "POST",
      body: { name: `Live ${path}`, apiIds: [api.body.id], state: "published" },
    });
    const sub = await callRoute(subscriptionsRoute.POST, { method: "POST", body: { productId: product.body.id, name: "live" } });
    const params = { subscriptionId: sub.body.id };
    const versionBefore = stack.gateway.currentVersion();

    await expectStatus(`/${path}/hello`, sub.body.primaryKey, 200);
    expect((await callGateway(stack, `/${path}/hello`, { key: sub.body.secondaryKey })).body).toEqual({ message: "Hello from the demo backend" });
    expect((await callGateway(stack, `/${path}/hello`)).status).toBe(401);

    await callRoute(subscriptionRoute.PATCH, { method: "PATCH", params, body: { state: "suspended" } });
    await expectStatus(`/${path}/hello`, sub.body.primaryKey, 403);

    await callRoute(subscriptionRoute.PATCH, { method: "PATCH", params, body: { state: "active" } });
    await expectStatus(`/${path}/hello`, sub.body.primaryKey, 200);

    await callRoute(subscriptionRoute.PATCH, { method: "PATCH", params, body: { state: "cancelled" } });
    await expectStatus(`/${path}/hello`, sub.body.primaryKey, 401);
    expect((await callGateway(stack, `/${path}/hello`, { key: sub.body.primaryKey })).body.error.code).toBe("invalid_subscription_key");
    expect(stack.gateway.currentVersion()).toBeGreaterThan(versionBefore ?? 0);
  });
});
