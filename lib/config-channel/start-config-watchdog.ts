// Runs republishIfGatewaysBehind at start-up and then periodically inside the Next.js
// server process (started from instrumentation.ts).
import { republishIfGatewaysBehind } from "./republish-if-gateways-behind";

const CHECK_INTERVAL_MS = 15_000;

// Kept on globalThis so dev-mode module reloads never start a second timer.
const state = globalThis as typeof globalThis & { __portcullisConfigWatchdog?: NodeJS.Timeout };

export function startConfigWatchdog(intervalMs = CHECK_INTERVAL_MS): void {
  if (state.__portcullisConfigWatchdog) return;
  const check = () =>
    republishIfGatewaysBehind().catch((err: unknown) => {
      // Redis or PostgreSQL unreachable: say so, and try again on the next tick.
      console.error("[config-channel] checking the published gateway config failed:", (err as Error).message);
    });
  void check();
  state.__portcullisConfigWatchdog = setInterval(check, intervalMs);
  state.__portcullisConfigWatchdog.unref();
}
