// The acceptance test for config that scales with the change (#15): with 20,000
// subscriptions, cancelling one through the management API travels as one delta (the snapshot
// in Redis is not rebuilt), both running gateways refuse the cancelled key, and a gateway that
// was stopped while deltas went by (and the compactor trimmed them) resyncs and refuses it too.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as productsRoute from "@/app/api/v1/products/route";
import * as subscriptionRoute from "@/app/api/v1/subscriptions/[subscriptionId]/route";
import { createDemoBackend } from "@/demo-backend/server";
import { createGateway, type Gateway } from "@/gateway-worker/src/server";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { compactGatewayConfig } from "@/lib/config-channel/compact-gateway-config";
import { hashSubscriptionKey } from "@/lib/config-channel/contract";
import { publishGatewayConfig } from "@/lib/config-channel/publish-gateway-config";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";
import { callGateway } from "../support/call-gateway";
import { callRoute } from "../support/call-route";
import { readDeltasAfter } from "../support/config-deltas";
import { uniquePath } from "../support/demo-spec";
import { importedApi } from "../support/import-api";
import { latestSnapshotKey, readStoredSnapshot } from "../support/latest-snapshot";

const SUBSCRIPTIONS = 20_000;
const keyOf = (i: number, slot: "p" | "s") => `scale-${slot}-${i}-${runId}`;
const runId = Math.random().toString(36).slice(2, 10);

type Running = { gateway: Gateway; url: string };
const backend = createDemoBackend();
const running: Running[] = [];
let path: string;
let ids: string[];

async function startGateway(): Promise<Running> {
  // Long poll interval: only events (and the resync they trigger) can explain what it learns.
  const gateway = createGateway({ redisUrl: env().REDIS_URL, prefix: env().CONFIG_CHANNEL_PREFIX, pollIntervalMs: 600_000 });
  const port = await gateway.listen(0, "127.0.0.1");
  const started = { gateway, url: `http://127.0.0.1:${port}` };
  running.push(started);
  return started;
}

const status = async (g: Running, i: number) => (await callGateway({ gatewayUrl: g.url }, `/${path}/hello`, { key: keyOf(i, "p") })).status;
const expectStatus = (g: Running, i: number, expected: number) => waitFor(async () => expect(await status(g, i)).toBe(expected), 15_000, 100);
const cancel = async (i: number) => {
  const res = await callRoute(subscriptionRoute.PATCH, { method: "PATCH", params: { subscriptionId: ids[i]! }, body: { state: "cancelled" } });
  expect(res.status).toBe(200);
};

beforeAll(async () => {
  await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
  path = uniquePath("scale");
  const api = (await importedApi({ name: "Scale", path, backendUrl: `http://127.0.0.1:${(backend.address() as AddressInfo).port}` })) as { id: string };
  const product = await callRoute(productsRoute.POST, { method: "POST", body: { name: `Scale ${path}`, apiIds: [api.id], state: "published" } });
  expect(product.status).toBe(201);
  // Inserted directly, as the measurement did: the management API is not what is measured here.
  await db().subscription.createMany({
    data: Array.from({ length: SUBSCRIPTIONS }, (_, i) => ({
      name: `scale ${i}`,
      productId: product.body.id as string,
      state: "ACTIVE" as const,
      primaryKeyHash: hashSubscriptionKey(keyOf(i, "p")),
      secondaryKeyHash: hashSubscriptionKey(keyOf(i, "s")),
      primaryKeyEncrypted: "-",
      secondaryKeyEncrypted: "-",
    })),
  });
  const rows = await db().subscription.findMany({ where: { productId: product.body.id }, select: { id: true, name: true } });
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  ids = Array.from({ length: SUBSCRIPTIONS }, (_, i) => byName.get(`scale ${i}`)!);
  expect(await publishGatewayConfig("20,000 subscriptions inserted")).not.toBeNull();
}, 180_000);

afterAll(async () => {
  for (const g of running) await g.gateway.close();
  await new Promise((resolve) => backend.close(resolve));
});

describe("a cancellation among 20,000 subscriptions", () => {
  it("travels as one delta, the snapshot untouched, and both gateways refuse the key", async () => {
    const [first, second] = [await startGateway(), await startGateway()];
    await expectStatus(first, 100, 200);
    await expectStatus(second, 100, 200);
    const snapshotBefore = await redis().get(latestSnapshotKey());
    const versionBefore = (await readStoredSnapshot()).version;
    expect((await readStoredSnapshot()).subscriptions.length).toBeGreaterThanOrEqual(SUBSCRIPTIONS);

    await cancel(100);

    // Carried by a delta: the 20,000-subscription snapshot was not rebuilt for it.
    expect(await redis().get(latestSnapshotKey())).toBe(snapshotBefore);
    const carrying = (await readDeltasAfter(versionBefore)).filter((d) => d.changes.some((c) => c.kind === "subscription.removed" && c.id === ids[100]));
    expect(carrying).toHaveLength(1);
    expect(carrying[0]!.changes).toEqual([
      { kind: "subscription.removed", id: ids[100], keyHashes: [hashSubscriptionKey(keyOf(100, "p")), hashSubscriptionKey(keyOf(100, "s"))] },
    ]);

    await expectStatus(first, 100, 401);
    await expectStatus(second, 100, 401);
    await waitFor(async () => expect(second.gateway.currentVersion()).toBe(carrying[0]!.version), 15_000, 100);
    // Only that key: its neighbours still get through.
    expect(await status(first, 101)).toBe(200);
    expect(await status(second, 101)).toBe(200);
  });

  it("is refused by a gateway that missed the deltas while it was stopped, after the compactor trimmed them", async () => {
    const [first, second] = running;
    await second!.gateway.close();
    running.splice(running.indexOf(second!), 1);

    await cancel(200);
    await expectStatus(first!, 200, 401);
    // Folds the deltas into the snapshot and trims the ones up to the previous snapshot.
    expect(await compactGatewayConfig()).not.toBeNull();
    await cancel(300);
    await expectStatus(first!, 300, 401);

    const restarted = await startGateway();
    for (const i of [100, 200, 300]) await expectStatus(restarted, i, 401);
    expect(await status(restarted, 400)).toBe(200);
  });
});
