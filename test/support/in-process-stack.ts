// The demo backend and a gateway, in-process, listening on ephemeral ports and
// subscribed to the test's config channel: what a console change must reach.
import { afterAll, beforeAll } from "vitest";
import type { AddressInfo } from "node:net";
import { createDemoBackend } from "@/demo-backend/server";
import { createGateway, type Gateway } from "@/gateway-worker/src/server";
import { publishGatewayConfig } from "@/lib/config-channel/publish-gateway-config";
import { env } from "@/lib/env";

export type InProcessStack = { gateway: Gateway; gatewayUrl: string; backendUrl: string; stop(): Promise<void> };

export async function startInProcessStack(): Promise<InProcessStack> {
  const backend = createDemoBackend();
  await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
  // As a console's start-up does (the delivery watchdog's first run): a full snapshot, so the
  // deltas that follow have a base, whatever earlier files (or their own Redis) left behind.
  await publishGatewayConfig("test stack started");
  // Long poll interval: only the broadcast event can explain a fast swap.
  const gateway = createGateway({ redisUrl: env().REDIS_URL, prefix: env().CONFIG_CHANNEL_PREFIX, pollIntervalMs: 600_000 });
  const gatewayPort = await gateway.listen(0, "127.0.0.1");
  return {
    gateway,
    gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
    backendUrl: `http://127.0.0.1:${(backend.address() as AddressInfo).port}`,
    // Leaves the console's own clients open: test/setup/teardown.ts closes them once, last.
    async stop() {
      await gateway.close();
      await new Promise((resolve) => backend.close(resolve));
    },
  };
}

/**
 * Starts the stack before the file's tests and stops it after them. Fields are read
 * live: use them inside tests and hooks, not at module load. Vitest runs a file's
 * afterAll hooks in reverse, so the file's own clean-up still sees a running stack.
 */
export function useInProcessStack(): Omit<InProcessStack, "stop"> {
  let started: InProcessStack | undefined;
  beforeAll(async () => {
    started = await startInProcessStack();
  });
  afterAll(async () => {
    await started?.stop();
  });
  const running = () => {
    if (!started) throw new Error("the in-process stack starts in beforeAll");
    return started;
  };
  return {
    get gateway() {
      return running().gateway;
    },
    get gatewayUrl() {
      return running().gatewayUrl;
    },
    get backendUrl() {
      return running().backendUrl;
    },
  };
}
