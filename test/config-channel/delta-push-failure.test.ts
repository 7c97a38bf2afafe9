// A delta that cannot reach Redis leaves a hole in the versions no later delta fills: the
// delivery guarantee heals it with a full snapshot newer than the hole, on its own, once
// Redis accepts writes again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as configDeliveryRoute from "@/app/api/v1/config-delivery/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { publishGatewayConfig } from "@/lib/config-channel/publish-gateway-config";
import { storedConfigHead } from "@/lib/config-channel/stored-snapshot-version";
import { db } from "@/lib/db";
import { disconnectRedis, redis } from "@/lib/redis";
import { callRoute } from "../support/call-route";
import { readDeltasAfter } from "../support/config-deltas";
import { uniquePath } from "../support/demo-spec";
import { importedApi } from "../support/import-api";
import { readStoredSnapshot } from "../support/latest-snapshot";
import { startOwnRedisServer, type OwnRedisServer } from "./own-redis-server";

let own: OwnRedisServer;
beforeAll(async () => {
  own = await startOwnRedisServer();
  process.env.REDIS_URL = own.url;
});
afterAll(async () => {
  await disconnectRedis();
  await own?.stop();
});

const newestBuilt = async () => (await db().gatewayConfigRevision.aggregate({ _max: { version: true } }))._max.version ?? 0;
const delivery = async () => (await callRoute(configDeliveryRoute.GET, { path: "/config-delivery" })).body;

describe("a delta push that fails", () => {
  it("talks to its own redis-server, never the machine's", () => {
    expect(`redis://127.0.0.1:${redis().options.port}`).toBe(own.url);
  });

  it("is healed by a full snapshot once Redis accepts writes again", async () => {
    const api = (await importedApi({ path: uniquePath("hole") })) as { id: string };
    const product = await callRoute(productsRoute.POST, { method: "POST", body: { name: `Hole ${uniquePath("p")}`, apiIds: [api.id], state: "published" } });
    const sub = await callRoute(subscriptionsRoute.POST, { method: "POST", body: { productId: product.body.id, name: "hole" } });
    expect(sub.status).toBe(201);
    expect(await publishGatewayConfig("baseline")).not.toBeNull();

    await own.refuseWrites();
    await db().subscription.update({ where: { id: sub.body.id }, data: { state: "CANCELLED" } });
    expect(await publishGatewayChange("test: cancel while redis refuses writes", [{ kind: "subscription", id: sub.body.id }])).toBeNull();
    const hole = await newestBuilt();
    expect(await readDeltasAfter(hole - 1)).toEqual([]);
    expect(await delivery()).toMatchObject({ status: "failing", storedVersion: hole - 1, latestBuiltVersion: hole });

    await own.acceptWrites();
    await expect.poll(async () => (await readStoredSnapshot()).version, { timeout: 20_000, interval: 200 }).toBeGreaterThan(hole);
    const healed = await readStoredSnapshot();
    expect(healed.subscriptions.some((s) => s.id === sub.body.id)).toBe(false);
    await expect.poll(async () => (await delivery()).status, { timeout: 5000, interval: 100 }).toBe("delivered");
    expect((await storedConfigHead()).head).toBe(await newestBuilt());
  });
});
