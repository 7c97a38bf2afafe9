// What a running gateway does with subscriptions from this part of the console:
// an API-scoped key opens its API only; an approved request starts working; an
// expired subscription is refused, and the sweep stores and republishes it as expired.
import { describe, expect, it } from "vitest";
import * as productsRoute from "@/app/api/v1/products/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import * as subscriptionRoute from "@/app/api/v1/subscriptions/[subscriptionId]/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { db } from "@/lib/db";
import { expireDueSubscriptions } from "@/lib/subscriptions/expire-due-subscriptions";
import { callGateway } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { createIdentity } from "../support/identities";
import { importedApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";
import { uniquePath } from "../support/demo-spec";
import { readLatestSnapshot } from "../support/latest-snapshot";

const stack = useInProcessStack();

const importApi = async () =>
  (await importedApi({ name: "Scoped", path: uniquePath("sub"), backendUrl: stack.backendUrl })) as { id: string; path: string };

async function gatewayStatus(path: string, key: string) {
  const res = await callGateway(stack, `/${path}/hello`, { key });
  const ok = res.status >= 200 && res.status < 300;
  return { status: res.status, code: ok ? null : (res.body.error.code as string) };
}

const expectGateway = (path: string, key: string, status: number) =>
  waitFor(async () => expect((await gatewayStatus(path, key)).status).toBe(status), 5000);

describe("subscriptions enforced by the gateway", () => {
  it("opens only its own API with an API-scoped key", async () => {
    const [scoped, other] = [await importApi(), await importApi()];
    const sub = await callRoute(subscriptionsRoute.POST, { method: "POST", body: { apiId: scoped.id, name: "partner" } });
    expect(sub.status).toBe(201);

    await expectGateway(scoped.path, sub.body.primaryKey, 200);
    expect((await gatewayStatus(scoped.path, sub.body.secondaryKey)).status).toBe(200);
    expect(await gatewayStatus(other.path, sub.body.primaryKey)).toEqual({ status: 401, code: "invalid_subscription_key" });
  });

  it("lets a submitted request's key in only once it is approved", async () => {
    const api = await importApi();
    const product = await callRoute(productsRoute.POST, {
      method: "POST",
      body: { name: `Approval ${api.path}`, apiIds: [api.id], state: "published", approvalRequired: true },
    });
    const developer = await createIdentity("developer", { via: "session" });
    const request = await callRoute(subscriptionsRoute.POST, { method: "POST", as: developer, body: { productId: product.body.id, name: "pending" } });
    expect(request.body.state).toBe("submitted");

    await waitFor(async () => expect(await gatewayStatus(api.path, request.body.primaryKey)).toEqual({ status: 403, code: "subscription_inactive" }), 5000);
    await callRoute(subscriptionRoute.PATCH, { method: "PATCH", params: { subscriptionId: request.body.id }, body: { state: "active" } });
    await expectGateway(api.path, request.body.primaryKey, 200);
  });

  it("refuses a key once its subscription expired, and the sweep republishes it as expired", async () => {
    const api = await importApi();
    const product = await callRoute(productsRoute.POST, { method: "POST", body: { name: `Expiry ${api.path}`, apiIds: [api.id], state: "published" } });
    const expiresAt = new Date(Date.now() + 1500);
    const sub = await callRoute(subscriptionsRoute.POST, {
      method: "POST",
      body: { productId: product.body.id, name: "short-lived", expiresAt: expiresAt.toISOString() },
    });
    expect(sub.status).toBe(201);
    await expectGateway(api.path, sub.body.primaryKey, 200);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt.getTime() - Date.now() + 50)));
    // The gateway refuses by expiresAt on its own, even before the sweep ran...
    expect(await gatewayStatus(api.path, sub.body.primaryKey)).toEqual({ status: 403, code: "subscription_inactive" });

    // ...and the sweep makes the state real in the database and in the next snapshot.
    const versionBefore = stack.gateway.currentVersion() ?? 0;
    expect(await expireDueSubscriptions()).toContain(sub.body.id);
    expect((await db().subscription.findUniqueOrThrow({ where: { id: sub.body.id } })).state).toBe("EXPIRED");
    const snapshot = await readLatestSnapshot();
    expect(snapshot.subscriptions.find((s) => s.id === sub.body.id)).toMatchObject({ state: "expired" });
    await waitFor(async () => expect(stack.gateway.currentVersion()).toBeGreaterThan(versionBefore), 5000);
    expect((await gatewayStatus(api.path, sub.body.primaryKey)).status).toBe(403);
  });
});
