// Runs the expiry sweep periodically inside the Next.js server process (started from
// instrumentation.ts), so subscriptions expire even when nobody opens the console.
import { expireDueSubscriptions } from "./expire-due-subscriptions";

const SWEEP_INTERVAL_MS = 60_000;

// Kept on globalThis so dev-mode module reloads never start a second timer.
const state = globalThis as typeof globalThis & { __portcullisExpirySweeper?: NodeJS.Timeout };

export function startExpirySweeper(intervalMs = SWEEP_INTERVAL_MS): void {
  if (state.__portcullisExpirySweeper) return;
  const sweep = () =>
    expireDueSubscriptions().catch((err: unknown) => {
      // A database hiccup must not crash the server; the next tick tries again.
      console.error("[subscriptions] expiry sweep failed:", err);
    });
  void sweep();
  state.__portcullisExpirySweeper = setInterval(sweep, intervalMs);
  // Never keep a process alive just for the sweep.
  state.__portcullisExpirySweeper.unref();
}
