// Background work of the Next.js server process (started from instrumentation.ts):
// runs a task now and then every `intervalMs`, never overlapping itself with a crash.
import { logger } from "@/lib/logger";

type PeriodicTask = { name: string; intervalMs: number; run: () => Promise<unknown> };

// Kept on globalThis so dev-mode module reloads never start a second timer per task.
const timers = ((globalThis as { __portcullisPeriodicTasks?: Map<string, NodeJS.Timeout> }).__portcullisPeriodicTasks ??= new Map());

export function startPeriodicTask({ name, intervalMs, run }: PeriodicTask): void {
  if (timers.has(name)) return;
  const tick = () =>
    run().catch((err: unknown) => {
      // PostgreSQL or Redis unreachable must not crash the server: say so, try again next tick.
      logger().error({ task: name, err: err instanceof Error ? err.message : err }, "periodic task failed");
    });
  void tick();
  const timer = setInterval(tick, intervalMs);
  // Never keep a process alive just for background work.
  timer.unref();
  timers.set(name, timer);
}
