// `npm start` runs this beside the console and the gateway; run more of them for more
// throughput: node --conditions=react-server --import tsx scripts/analytics-ingester.ts
// (the react-server condition lets lib/'s "server-only" modules load, as for the seed).
import { closeAnalyticsDb } from "@/lib/analytics/analytics-db";
import { startAnalyticsIngester } from "@/lib/analytics/ingest/start-analytics-ingester";
import { disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

const ingester = await startAnalyticsIngester();
logger().info({ concurrency: env().ANALYTICS_INGEST_CONCURRENCY, prefix: env().CONFIG_CHANNEL_PREFIX }, "analytics ingester started");

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await ingester.stop();
  await Promise.allSettled([closeAnalyticsDb(), disconnectDb()]);
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
