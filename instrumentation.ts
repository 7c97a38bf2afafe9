// Next.js calls register() once per server process. Only the Node.js runtime talks
// to PostgreSQL and Redis, and a production build must not start timers.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { assertProductionSecrets } = await import("./lib/env");
  assertProductionSecrets();
  const { startExpirySweeper } = await import("./lib/subscriptions/start-expiry-sweeper");
  startExpirySweeper();
  const { startConfigWatchdog } = await import("./lib/config-channel/start-config-watchdog");
  startConfigWatchdog();
  // Big imports lint on a worker pool; starting it now keeps Redocly's load off the first import.
  const { warmLintWorkers } = await import("./lib/apis/openapi/lint-worker-pool");
  warmLintWorkers();
}
