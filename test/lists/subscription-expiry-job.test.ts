// Expiry is a scheduled job (not a side effect of listing): it stores passed expiry dates as
// EXPIRED, audited by the system, and publishes a new gateway config version.
import { describe, expect, it } from "vitest";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { db } from "@/lib/db";
import { startSubscriptionExpiryJob } from "@/lib/subscriptions/start-subscription-expiry-job";
import { listRows } from "../support/list-rows";

const newestConfigVersion = async () => (await db().gatewayConfigRevision.aggregate({ _max: { version: true } }))._max.version ?? 0;

describe("subscription expiry job", () => {
  it("expires due subscriptions, audits each, and publishes", async () => {
    const rows = listRows(`Exp${Date.now().toString(36)}`, { apis: 0, users: 0, subscriptions: 3 });
    await db().product.create({ data: rows.product });
    const past = new Date(Date.now() - 60_000);
    const [due, later, cancelled] = rows.subscriptions.map((s, i) => ({
      ...s,
      state: i === 2 ? ("CANCELLED" as const) : ("ACTIVE" as const),
      expiresAt: i === 1 ? new Date(Date.now() + 3_600_000) : past,
    }));
    await db().subscription.createMany({ data: [due!, later!, cancelled!] });
    const versionBefore = await newestConfigVersion();

    startSubscriptionExpiryJob();

    await waitFor(async () => expect((await db().subscription.findUniqueOrThrow({ where: { id: due!.id } })).state).toBe("EXPIRED"), 10_000);
    expect(await db().auditEvent.findFirst({ where: { entityId: due!.id, action: "subscription.expired", actorId: "system" } })).not.toBeNull();
    expect((await db().subscription.findUniqueOrThrow({ where: { id: later!.id } })).state).toBe("ACTIVE");
    expect((await db().subscription.findUniqueOrThrow({ where: { id: cancelled!.id } })).state).toBe("CANCELLED");
    await waitFor(async () => expect(await newestConfigVersion()).toBeGreaterThan(versionBefore), 10_000);
  });
});
