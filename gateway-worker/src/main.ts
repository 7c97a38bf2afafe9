// Entry point: `node dist/main.js` once `npm run build` has compiled it. Reads the environment,
// starts one gateway, and shuts it down gracefully on SIGINT/SIGTERM
// (stop accepting, finish in-flight requests, close Redis).
import { pino } from "pino";
import { secretsKeyFrom } from "./contract/sealed-secret.js";
import { loadGatewayEnv } from "./env.js";
import { createGateway } from "./server.js";

const SHUTDOWN_GRACE_MS = 10_000;

const env = loadGatewayEnv();
const logger = pino({ level: env.LOG_LEVEL, base: { service: "portcullis-gateway" } });

process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled promise rejection"));
process.on("uncaughtException", (err) => {
  // State may be inconsistent now; exit and let the supervisor restart a clean process.
  logger.fatal({ err }, "uncaught exception; exiting");
  process.exit(1);
});

const gateway = createGateway({
  redisUrl: env.REDIS_URL,
  prefix: env.CONFIG_CHANNEL_PREFIX,
  pollIntervalMs: env.CONFIG_POLL_INTERVAL_MS,
  backendTimeoutMs: env.BACKEND_TIMEOUT_MS,
  headersTimeoutMs: env.GATEWAY_HEADERS_TIMEOUT_MS,
  requestTimeoutMs: env.GATEWAY_REQUEST_TIMEOUT_MS,
  trustedProxies: env.GATEWAY_TRUSTED_PROXIES,
  metricsPort: env.GATEWAY_METRICS_PORT,
  metricsHost: env.GATEWAY_HOST,
  heartbeatIntervalMs: env.GATEWAY_HEARTBEAT_INTERVAL_MS,
  instanceId: env.GATEWAY_INSTANCE_ID,
  secretsKey: env.GATEWAY_SECRETS_KEY ? secretsKeyFrom(env.GATEWAY_SECRETS_KEY) : undefined,
  https: {
    port: env.GATEWAY_HTTPS_PORT,
    host: env.GATEWAY_HOST,
    certFile: env.GATEWAY_TLS_CERT_FILE,
    keyFile: env.GATEWAY_TLS_KEY_FILE,
    redirectPort: env.GATEWAY_HTTPS_REDIRECT_PORT,
  },
  logger,
});

let shuttingDown = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (shuttingDown) {
    logger.warn({ signal }, "second signal; exiting without waiting");
    process.exit(1);
  }
  shuttingDown = true;
  logger.info({ signal, graceMs: SHUTDOWN_GRACE_MS }, "shutting down: finishing in-flight requests");
  try {
    await gateway.close(SHUTDOWN_GRACE_MS);
    logger.info("gateway stopped");
    process.exit(0);
  } catch (err) {
    logger.error({ err }, "error during shutdown");
    process.exit(1);
  }
}
process.on("SIGINT", (s) => void shutdown(s));
process.on("SIGTERM", (s) => void shutdown(s));

try {
  const port = await gateway.listen(env.GATEWAY_PORT, env.GATEWAY_HOST);
  logger.info(
    {
      host: env.GATEWAY_HOST,
      port,
      metricsPort: gateway.metricsPort(),
      instanceId: gateway.instanceId,
      prefix: env.CONFIG_CHANNEL_PREFIX,
      configVersion: gateway.currentVersion(),
    },
    "gateway listening",
  );
} catch (err) {
  logger.fatal({ err }, "gateway failed to start");
  await gateway.close(0).catch(() => undefined);
  process.exit(1);
}
