// The demo backend and a gateway, in-process, listening on ephemeral ports and
// subscribed to the test's config channel: what a console change must reach.
import type { AddressInfo } from "node:net";
import { createDemoBackend } from "@/demo-backend/server";
import { createGateway, type Gateway } from "@/gateway-worker/src/server";
import { disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { disconnectRedis } from "@/lib/redis";

export type InProcessStack = { gateway: Gateway; gatewayUrl: string; backendUrl: string; stop(): Promise<void> };

export async function startInProcessStack(): Promise<InProcessStack> {
  const backend = createDemoBackend();
  await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
  // Long poll interval: only the broadcast event can explain a fast swap.
  const gateway = createGateway({ redisUrl: env().REDIS_URL, prefix: env().CONFIG_CHANNEL_PREFIX, pollIntervalMs: 600_000 });
  const gatewayPort = await gateway.listen(0, "127.0.0.1");
  return {
    gateway,
    gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
    backendUrl: `http://127.0.0.1:${(backend.address() as AddressInfo).port}`,
    async stop() {
      await gateway.close();
      await new Promise((resolve) => backend.close(resolve));
      await disconnectDb();
      await disconnectRedis();
    },
  };
}
