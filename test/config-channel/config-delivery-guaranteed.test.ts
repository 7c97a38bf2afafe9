// A change the management API acknowledged reaches the gateways even when its publish
// fails: the failure shows on GET /api/v1/config-delivery and in the metrics, and the
// console retries on its own until the change is delivered, without any further change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as metricsRoute from "@/app/api/metrics/route";
import * as configDeliveryRoute from "@/app/api/v1/config-delivery/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import * as subscriptionRoute from "@/app/api/v1/subscriptions/[subscriptionId]/route";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { disconnectRedis, redis } from "@/lib/redis";
import { callGateway } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { uniquePath } from "../support/demo-spec";
import { bootstrapAdmin, createIdentity, type Caller } from "../support/identities";
import { importApi } from "../support/import-api";
import { useInProcessStack } from "../support/in-process-stack";
import { startOwnRedisServer, type OwnRedisServer } from "./own-redis-server";

let own: OwnRedisServer;
beforeAll(async () => {
  own = await startOwnRedisServer();
  // Read by env() on first use, so the console and the in-process gateway below both use it.
  process.env.REDIS_URL = own.url;
});
// Registered before the stack: vitest runs afterAll hooks in reverse, so this runs after it.
// The console's client goes first (test/setup/teardown.ts would close it after its server).
afterAll(async () => {
  await disconnectRedis();
  await own?.stop();
});
const stack = useInProcessStack();

async function scrapeMetrics(as: Caller | null) {
  const res = await callRoute(metricsRoute.GET, { path: "/api/metrics", as });
  return { status: res.status, type: res.headers.get("content-type"), text: String(res.body) };
}

const metric = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? Number.NaN);
const delivery = async () => (await callRoute(configDeliveryRoute.GET, { path: "/config-delivery" })).body;
const gatewayStatus = async (path: string, key: string) => (await callGateway(stack, `/${path}/hello`, { key })).status;

describe("a change acknowledged while publishing fails", () => {
  it("talks to its own redis-server, never the machine's", () => {
    expect(`redis://127.0.0.1:${redis().options.port}`).toBe(own.url);
  });

  it("is reported as failing, then delivered by the retry once Redis accepts writes again", async () => {
    const path = uniquePath("delivery");
    const api = await importApi({ name: "Delivery", path, backendUrl: stack.backendUrl });
    const product = await callRoute(productsRoute.POST, { method: "POST", body: { name: `Delivery ${path}`, apiIds: [api.body.id], state: "published" } });
    const sub = await callRoute(subscriptionsRoute.POST, { method: "POST", body: { productId: product.body.id, name: "delivery" } });
    await waitFor(async () => expect(await gatewayStatus(path, sub.body.primaryKey)).toBe(200), 5000);
    expect(await delivery()).toMatchObject({ status: "delivered", consecutiveFailures: 0, lastError: null, pendingSince: null });

    await own.refuseWrites();
    const suspend = await callRoute(subscriptionRoute.PATCH, { method: "PATCH", params: { subscriptionId: sub.body.id }, body: { state: "suspended" } });
    expect(suspend.status).toBe(200);

    const failing = await delivery();
    expect(failing).toMatchObject({ status: "failing", pendingReason: expect.stringContaining(sub.body.id) });
    expect(failing.lastError).toMatch(/OOM/);
    expect(failing.consecutiveFailures).toBeGreaterThanOrEqual(1);
    expect(Date.parse(failing.pendingSince)).toBeLessThanOrEqual(Date.now());
    expect(failing.storedVersion).toBeLessThan(failing.latestBuiltVersion);
    const scraped = await scrapeMetrics(bootstrapAdmin);
    expect(scraped.type).toMatch(/^text\/plain/);
    expect(metric(scraped.text, "portcullis_config_delivery_pending")).toBe(1);
    expect(metric(scraped.text, "portcullis_config_publish_failures_total")).toBeGreaterThanOrEqual(1);
    expect(metric(scraped.text, "portcullis_config_delivery_pending_seconds")).toBeGreaterThanOrEqual(0);
    // The gateway still serves the configuration from before the change.
    expect(await gatewayStatus(path, sub.body.primaryKey)).toBe(200);

    await own.acceptWrites();
    await waitFor(async () => expect(await gatewayStatus(path, sub.body.primaryKey)).toBe(403), 20_000, 200);
    // The gateway may swap before the retry has recorded its success.
    await expect.poll(async () => (await delivery()).status, { timeout: 5000, interval: 100 }).toBe("delivered");
    const healed = await delivery();
    expect(healed).toMatchObject({ status: "delivered", pendingSince: null, lastError: null, consecutiveFailures: 0 });
    expect(healed.storedVersion).toBe(healed.latestBuiltVersion);
    const after = await scrapeMetrics(bootstrapAdmin);
    expect(metric(after.text, "portcullis_config_delivery_pending")).toBe(0);
    expect(metric(after.text, "portcullis_config_delivered_version")).toBe(healed.storedVersion);
  });
});

describe("GET /api/metrics", () => {
  it.each([
    ["no credentials", 401, null],
    ["a viewer's token", 403, "viewer"],
    ["an api publisher's token", 403, "api_publisher"],
    ["a platform admin's token", 200, "platform_admin"],
  ] as const)("with %s answers %i", async (_, status, role) => {
    const as = role && (await createIdentity(role, { tag: "metrics" }));
    expect((await scrapeMetrics(as)).status).toBe(status);
  });
});
