// The console process's side of the delivery guarantee (started from instrumentation.ts), and
// the compactor that folds the deltas into the snapshot off the write path.
import { startPeriodicTask } from "@/lib/jobs/start-periodic-task";
import { COMPACT_CHECK_INTERVAL_MS, compactionTick } from "./compact-gateway-config";
import { publishGatewayConfig } from "./publish-gateway-config";
import { republishIfGatewaysBehind } from "./republish-if-gateways-behind";

const WATCHDOG_INTERVAL_MS = 15_000;

/**
 * The first run publishes unconditionally: a console killed between committing a change
 * and marking it pending left no trace of it, and only a fresh snapshot can carry it.
 * Later runs republish when Redis is behind or a pending change has no publish running.
 */
export function startConfigDeliveryWatchdog(): void {
  let startedUp = false;
  startPeriodicTask({
    name: "config-channel-watchdog",
    intervalMs: WATCHDOG_INTERVAL_MS,
    run: async () => {
      if (startedUp) return republishIfGatewaysBehind();
      startedUp = true;
      // Never throws: a failure is recorded, retried, and the watchdog keeps watching.
      return publishGatewayConfig("console started");
    },
  });
  startPeriodicTask({ name: "config-channel-compactor", intervalMs: COMPACT_CHECK_INTERVAL_MS, run: compactionTick() });
}
