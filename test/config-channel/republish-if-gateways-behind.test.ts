// The console heals a config channel that lost its snapshot (Redis restarted with no
// persistence) or missed a publish (Redis was down while an admin changed something).
import { describe, expect, it } from "vitest";
import { publishGatewayConfig } from "@/lib/config-channel/publish-gateway-config";
import { republishIfGatewaysBehind } from "@/lib/config-channel/republish-if-gateways-behind";
import { markDeliveryPending } from "@/lib/config-channel/delivery/mark-delivery-pending";
import { db } from "@/lib/db";
import { redis } from "@/lib/redis";
import { latestSnapshotKey, readLatestSnapshot } from "../support/latest-snapshot";

const storedVersion = async () => (await readLatestSnapshot()).version;

describe("republishIfGatewaysBehind", () => {
  it("does nothing while Redis holds the latest snapshot", async () => {
    const version = await publishGatewayConfig("test");
    expect(version).not.toBeNull();
    expect(await republishIfGatewaysBehind()).toBeNull();
    expect(await storedVersion()).toBe(version);
  });

  it("republishes when Redis lost the snapshot", async () => {
    await publishGatewayConfig("test");
    await redis().del(latestSnapshotKey());
    const version = await republishIfGatewaysBehind();
    expect(version).toBeGreaterThan(0);
    expect(await storedVersion()).toBe(version);
  });

  it("republishes when the console built a newer snapshot than Redis holds", async () => {
    const published = (await publishGatewayConfig("test")) as number;
    // As if a publish failed after its revision was recorded.
    await db().gatewayConfigRevision.create({ data: { reason: "publish that never reached redis", checksum: "" } });
    const version = await republishIfGatewaysBehind();
    expect(version).toBeGreaterThan(published + 1);
    expect(await storedVersion()).toBe(version);
  });

  it("republishes a change marked pending whose publish never ran (the console crashed)", async () => {
    const published = (await publishGatewayConfig("test")) as number;
    await markDeliveryPending("product changed just before a crash");
    // The console died a minute ago, after marking the change and before publishing it.
    await db().gatewayConfigDelivery.update({ where: { id: 1 }, data: { lastAttemptAt: new Date(Date.now() - 60_000) } });
    const version = await republishIfGatewaysBehind();
    expect(version).toBeGreaterThan(published);
    expect(await storedVersion()).toBe(version);
    expect(await db().gatewayConfigDelivery.findUnique({ where: { id: 1 } })).toMatchObject({ pendingSince: null, deliveredVersion: version });
  });

  it("leaves a pending change to the publish that is still running for it", async () => {
    await publishGatewayConfig("test");
    await markDeliveryPending("publish in progress");
    expect(await republishIfGatewaysBehind()).toBeNull();
  });
});
