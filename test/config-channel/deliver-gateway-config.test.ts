// The delivery guarantee on its own, with stand-in publish attempts: an acknowledged
// change stays pending until an attempt that started after it has stored a snapshot.
import { beforeEach, describe, expect, it } from "vitest";
import { deliverGatewayConfig } from "@/lib/config-channel/delivery/deliver-gateway-config";
import { markDeliveryPending } from "@/lib/config-channel/delivery/mark-delivery-pending";
import { db } from "@/lib/db";

const row = () => db().gatewayConfigDelivery.findUniqueOrThrow({ where: { id: 1 } });

// Starts from no row (other files leave theirs); deleting it also ends the retry loop
// a failed attempt started, since nothing is pending any more.
beforeEach(async () => {
  await db().gatewayConfigDelivery.deleteMany();
});

describe("deliverGatewayConfig", () => {
  it.each([
    { name: "an attempt that stores its snapshot clears the mark", attempt: async () => 41, returns: 41, pending: false, failures: 0, error: null },
    {
      name: "a change acknowledged while the attempt runs stays pending",
      attempt: async () => {
        await markDeliveryPending("change during the build");
        return 42;
      },
      returns: 42,
      pending: true,
      failures: 0,
      error: null,
    },
    {
      name: "a failed attempt keeps the mark and records the error",
      attempt: async (): Promise<number> => {
        throw new Error("connect ECONNREFUSED 127.0.0.1:1");
      },
      returns: null,
      pending: true,
      failures: 1,
      error: "connect ECONNREFUSED 127.0.0.1:1",
    },
  ])("$name", async ({ attempt, returns, pending, failures, error }) => {
    expect(await deliverGatewayConfig("test change", attempt)).toBe(returns);
    const delivery = await row();
    expect(delivery.pendingSince !== null).toBe(pending);
    expect(delivery.consecutiveFailures).toBe(failures);
    expect(delivery.lastError).toBe(error);
    if (returns !== null) expect(delivery.deliveredVersion).toBe(returns);
  });

  it("keeps the oldest pending change's time and reason until delivered", async () => {
    await markDeliveryPending("first change");
    const first = await row();
    await markDeliveryPending("second change");
    expect(await row()).toMatchObject({ pendingSince: first.pendingSince, pendingReason: "first change" });
  });

  it("retries a failed attempt on its own until it succeeds", async () => {
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls < 3) throw new Error(`attempt ${calls} failed`);
      return 43;
    };
    expect(await deliverGatewayConfig("flaky change", flaky)).toBeNull();
    await expect.poll(async () => (await row()).pendingSince, { timeout: 10_000, interval: 100 }).toBeNull();
    expect(calls).toBe(3);
    expect(await row()).toMatchObject({ deliveredVersion: 43, consecutiveFailures: 0, lastError: null });
  });
});
