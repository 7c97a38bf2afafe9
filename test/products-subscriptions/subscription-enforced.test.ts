// What a running gateway does with subscriptions from this part of the console:
// an API-scoped key opens its API only; an approved request starts working; an
// expired subscription is refused, and the sweep stores and republishes it as expired.
import { describe, expect, it } from "vitest";
import * as apisRoute from "@/app/api/v1/apis/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import * as subscriptionRoute from "@/app/api/v1/subscriptions/[subscriptionId]/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { configChannelNames } from "@/lib/config-channel/contract";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";
import { expireDueSubscriptions } from "@/lib/subscriptions/expire-due-subscriptions";
import { callRoute } from "../support/call-route";
import { useInProcessStack } from "../support/in-process-stack";
import { demoSpecYaml, uniquePath } from "../support/demo-spec";
import { signedInUser } from "./signed-in-users";

const stack = useInProcessStack();

async function importApi() {
  const path = uniquePath("sub");
  const res = await callRoute(apisRoute.POST, { method: "POST", body: { name: "Scoped", path, backendUrl: stack.backendUrl, spec: demoSpecYaml } });
  expect(res.status).toBe(201);
  return res.body as { id: string; path: string };
}

async function gatewayStatus(path: string, key: string) {
  const response = await fetch(`${stack.gatewayUrl}/${path}/hello`, { headers: { "Ocp-Apim-Subscription-Key": key } });
  return { status: response.status, code: response.ok ? null : ((await response.json()) as { error: { code: string } }).error.code };
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
    const developer = await signedInUser("DEVELOPER");
    const request = await developer.call(subscriptionsRoute.POST, { method: "POST", body: { productId: product.body.id, name: "pending" } });
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
    const snapshot = JSON.parse((await redis().get(configChannelNames(env().CONFIG_CHANNEL_PREFIX).latestKey)) ?? "{}");
    expect(snapshot.subscriptions.find((s: { id: string }) => s.id === sub.body.id)).toMatchObject({ state: "expired" });
    await waitFor(async () => expect(stack.gateway.currentVersion()).toBeGreaterThan(versionBefore), 5000);
    expect((await gatewayStatus(api.path, sub.body.primaryKey)).status).toBe(403);
  });
});
