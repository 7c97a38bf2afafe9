// A change travels as one small delta: the next version, the changed entity in the shape a
// snapshot gives it, stored in the deltas log and never by rewriting the snapshot; concurrent
// changes get distinct, consecutive versions, a later one never carrying older data; the
// compactor folds the deltas into a snapshot and trims the log.
import { beforeAll, describe, expect, it } from "vitest";
import * as productsRoute from "@/app/api/v1/products/route";
import * as productRoute from "@/app/api/v1/products/[productId]/route";
import * as subscriptionsRoute from "@/app/api/v1/subscriptions/route";
import { compactGatewayConfig } from "@/lib/config-channel/compact-gateway-config";
import { hashSubscriptionKey } from "@/lib/config-channel/contract";
import { publishGatewayConfig } from "@/lib/config-channel/publish-gateway-config";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { storedConfigHead } from "@/lib/config-channel/stored-snapshot-version";
import { db } from "@/lib/db";
import { redis } from "@/lib/redis";
import { callRoute } from "../support/call-route";
import { newestDeltaVersion, readDeltasAfter } from "../support/config-deltas";
import { uniquePath } from "../support/demo-spec";
import { importedApi } from "../support/import-api";
import { latestSnapshotKey, readStoredSnapshot } from "../support/latest-snapshot";

const newestBuilt = async () => (await db().gatewayConfigRevision.aggregate({ _max: { version: true } }))._max.version ?? 0;

async function productWithSubscription() {
  const api = (await importedApi({ path: uniquePath("delta") })) as { id: string };
  const product = await callRoute(productsRoute.POST, { method: "POST", body: { name: `Delta ${uniquePath("p")}`, apiIds: [api.id], state: "published" } });
  expect(product.status).toBe(201);
  const sub = await callRoute(subscriptionsRoute.POST, { method: "POST", body: { productId: product.body.id, name: "delta" } });
  expect(sub.status).toBe(201);
  return { apiId: api.id, productId: product.body.id as string, sub: sub.body as { id: string; primaryKey: string; secondaryKey: string } };
}

let fixture: Awaited<ReturnType<typeof productWithSubscription>>;
beforeAll(async () => {
  fixture = await productWithSubscription();
  // Everything above is in a snapshot: what follows is measured against it.
  expect(await publishGatewayConfig("deltas test baseline")).not.toBeNull();
});

describe("publishGatewayChange", () => {
  it("stores exactly one delta with the next version and the entity as a snapshot has it", async () => {
    const snapshotJson = await redis().get(latestSnapshotKey());
    const snapshot = await readStoredSnapshot();
    const before = await newestBuilt();

    const version = await publishGatewayChange("test: one subscription", [{ kind: "subscription", id: fixture.sub.id }]);

    expect(version).toBe(before + 1);
    const deltas = await readDeltasAfter(before);
    expect(deltas.map((d) => d.version)).toEqual([before + 1]);
    expect(deltas[0]!.changes).toEqual([{ kind: "subscription.upserted", subscription: snapshot.subscriptions.find((s) => s.id === fixture.sub.id) }]);
    // The snapshot is not rebuilt per change: only the compactor rewrites it.
    expect(await redis().get(latestSnapshotKey())).toBe(snapshotJson);
    expect(await storedConfigHead()).toMatchObject({ snapshot: snapshot.version, head: before + 1 });
  });

  it("carries an API and a product in their snapshot shapes, and several entities in one delta", async () => {
    const snapshot = await readStoredSnapshot();
    const before = await newestDeltaVersion();
    const version = (await publishGatewayChange("test: api and product", [
      { kind: "api", id: fixture.apiId },
      { kind: "product", id: fixture.productId },
      { kind: "api", id: fixture.apiId },
    ])) as number;
    expect(version).toBeGreaterThan(before);
    const [delta] = await readDeltasAfter(version - 1);
    expect(delta!.changes).toEqual([
      { kind: "api.upserted", api: snapshot.apis.find((a) => a.id === fixture.apiId) },
      { kind: "product.upserted", product: snapshot.products.find((p) => p.id === fixture.productId) },
    ]);
  });

  it("removes what no longer belongs on the gateway: a cancelled subscription with its key hashes, a deleted product", async () => {
    const other = await productWithSubscription();
    await db().subscription.update({ where: { id: other.sub.id }, data: { state: "CANCELLED" } });
    const cancelled = (await publishGatewayChange("test: cancelled", [{ kind: "subscription", id: other.sub.id }])) as number;
    expect((await readDeltasAfter(cancelled - 1))[0]!.changes).toEqual([
      { kind: "subscription.removed", id: other.sub.id, keyHashes: [hashSubscriptionKey(other.sub.primaryKey), hashSubscriptionKey(other.sub.secondaryKey)] },
    ]);

    expect((await callRoute(productRoute.DELETE, { method: "DELETE", params: { productId: other.productId } })).status).toBe(200);
    const deleted = (await publishGatewayChange("test: deleted", [{ kind: "product", id: other.productId }])) as number;
    expect((await readDeltasAfter(deleted - 1))[0]!.changes).toEqual([{ kind: "product.removed", id: other.productId }]);
  });

  it("gives concurrent changes distinct consecutive versions, a later version never carrying older data", async () => {
    const before = await newestBuilt();
    // Each writer moves the expiry one second on, atomically, then publishes: commit order is value order.
    const start = new Date("2031-01-01T00:00:00Z");
    await db().subscription.update({ where: { id: fixture.sub.id }, data: { expiresAt: start } });
    const written = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const [row] = await db().$queryRaw<{ expiresAt: Date }[]>`
          UPDATE "Subscription" SET "expiresAt" = "expiresAt" + interval '1 second' WHERE id = ${fixture.sub.id} RETURNING "expiresAt"`;
        const version = await publishGatewayChange("test: concurrent", [{ kind: "subscription", id: fixture.sub.id }]);
        return { version: version as number, committed: row!.expiresAt.getTime() };
      }),
    );
    const versions = written.map((w) => w.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 12 }, (_, i) => before + 1 + i));

    const carried = new Map(
      (await readDeltasAfter(before)).map((d) => {
        const change = d.changes[0]!;
        if (change.kind !== "subscription.upserted") throw new Error(`unexpected ${change.kind}`);
        return [d.version, Date.parse(change.subscription.expiresAt!)];
      }),
    );
    expect([...carried.keys()]).toEqual(versions);
    // Non-decreasing in version order, and each delta at least as new as its writer's own commit.
    const inOrder = versions.map((v) => carried.get(v)!);
    expect(inOrder).toEqual([...inOrder].sort((a, b) => a - b));
    for (const w of written) expect(carried.get(w.version)).toBeGreaterThanOrEqual(w.committed);
    expect(inOrder.at(-1)).toBe(start.getTime() + 12_000);
  });
});

describe("compactGatewayConfig", () => {
  it("folds the deltas into a snapshot of the newest version, then trims the log up to the previous snapshot", async () => {
    const first = await storedConfigHead();
    await db().subscription.update({ where: { id: fixture.sub.id }, data: { state: "SUSPENDED" } });
    const suspended = (await publishGatewayChange("test: suspended", [{ kind: "subscription", id: fixture.sub.id }])) as number;
    expect((await storedConfigHead()).pendingDeltas).toBeGreaterThan(0);

    const compacted = await compactGatewayConfig();
    expect(compacted).toEqual({ version: suspended, trimmedThrough: first.snapshot });
    const snapshot = await readStoredSnapshot();
    expect(snapshot.version).toBe(suspended);
    expect(snapshot.subscriptions.find((s) => s.id === fixture.sub.id)?.state).toBe("suspended");
    // Nothing newer than the snapshot: nothing to compact, and no version was allocated for it.
    expect(await newestBuilt()).toBe(suspended);
    expect(await storedConfigHead()).toEqual({ snapshot: suspended, head: suspended, pendingDeltas: 0 });
    expect(await compactGatewayConfig()).toBeNull();
    // The deltas after the previous snapshot stay, for a gateway a little behind.
    expect((await readDeltasAfter(0)).every((d) => d.version > first.snapshot)).toBe(true);
    expect((await readDeltasAfter(first.snapshot)).map((d) => d.version).at(-1)).toBe(suspended);

    await db().subscription.update({ where: { id: fixture.sub.id }, data: { state: "ACTIVE" } });
    const active = (await publishGatewayChange("test: active", [{ kind: "subscription", id: fixture.sub.id }])) as number;
    expect(await compactGatewayConfig()).toEqual({ version: active, trimmedThrough: suspended });
    expect((await readDeltasAfter(0)).map((d) => d.version)).toEqual([active]);
  });
});
