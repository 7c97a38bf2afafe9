// Next.js calls register() once per server process. Only the Node.js runtime talks
// to PostgreSQL and Redis, and a production build must not start timers.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { assertProductionSecrets } = await import("./lib/env");
  assertProductionSecrets();
  // Subscriptions expire even when nobody opens the console (listing never writes).
  const { startSubscriptionExpiryJob } = await import("./lib/subscriptions/start-subscription-expiry-job");
  startSubscriptionExpiryJob();
  // Every acknowledged change must reach the gateways: Redis may restart empty or be down
  // during a change, and a console may die before publishing; this publishes at start-up too.
  const { startConfigDeliveryWatchdog } = await import("./lib/config-channel/start-config-delivery-watchdog");
  startConfigDeliveryWatchdog();
  // Realms with a rotation interval rotate their signing keys on schedule (staged -> active -> passive).
  const { startScheduledKeyRotation } = await import("./lib/iam/realms/run-scheduled-key-rotations");
  startScheduledKeyRotation();
  // Big imports lint on a worker pool; starting it now keeps Redocly's load off the first import.
  const { warmLintWorkers } = await import("./lib/apis/specs/lint-worker-pool");
  warmLintWorkers();
}
