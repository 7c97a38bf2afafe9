// Entry point: `node dist/main.js` once `npm run build` has compiled it. Reads the environment,
// then either runs one gateway in this process (GATEWAY_WORKERS=1) or, as the primary of a
// node:cluster, GATEWAY_WORKERS processes that each run one (cluster/gateway-cluster.ts).
// A gateway shuts down gracefully on SIGINT/SIGTERM (stop accepting, finish in-flight
// requests, close Redis). Logs go to stdout asynchronously: a request never waits on a write.
import cluster from "node:cluster";
import os from "node:os";
import { randomBytes } from "node:crypto";
import { pino } from "pino";
import { runGatewayCluster, serveMetricsToPrimary, WORKER_INDEX_ENV } from "./cluster/gateway-cluster.js";
import { secretsKeyFrom } from "./contract/sealed-secret.js";
import { loadGatewayEnv, type GatewayEnv } from "./env.js";
import { createGateway } from "./server.js";

const SHUTDOWN_GRACE_MS = 10_000;

const env = loadGatewayEnv();
const workerIndex = cluster.isWorker ? process.env[WORKER_INDEX_ENV] : undefined;
const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
const logger = pino(
  { level: env.LOG_LEVEL, base: { service: "portcullis-gateway", ...(workerIndex ? { worker: Number(workerIndex), pid: process.pid } : {}) } },
  destination,
);
/** Writes what the async destination still holds, then exits. */
const exit = (code: number) => {
  try {
    destination.flushSync();
  } catch {
    // nothing buffered, or stdout is gone: exit anyway
  }
  process.exit(code);
};

process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled promise rejection"));
process.on("uncaughtException", (err) => {
  // State may be inconsistent now; exit and let the supervisor (or the cluster primary) restart a clean process.
  logger.fatal({ err }, "uncaught exception; exiting");
  exit(1);
});

if (cluster.isPrimary && env.GATEWAY_WORKERS > 1) {
  await runGatewayCluster({
    workers: env.GATEWAY_WORKERS,
    metricsPort: env.GATEWAY_METRICS_PORT,
    metricsHost: env.GATEWAY_HOST,
    shutdownGraceMs: SHUTDOWN_GRACE_MS,
    logger,
    exit,
  });
} else {
  await runGateway(env);
}

/** Each worker registers apart ("<id>:w<n>", or host-primary pid-w<n>-random): the console lists every worker. */
function instanceIdOf(env: GatewayEnv): string | undefined {
  if (!workerIndex) return env.GATEWAY_INSTANCE_ID;
  if (env.GATEWAY_INSTANCE_ID) return `${env.GATEWAY_INSTANCE_ID}:w${workerIndex}`;
  return `${os.hostname()}-${process.ppid}-w${workerIndex}-${randomBytes(3).toString("hex")}`;
}

async function runGateway(env: GatewayEnv): Promise<void> {
  const gateway = createGateway({
    redisUrl: env.REDIS_URL,
    prefix: env.CONFIG_CHANNEL_PREFIX,
    pollIntervalMs: env.CONFIG_POLL_INTERVAL_MS,
    backendTimeoutMs: env.BACKEND_TIMEOUT_MS,
    headersTimeoutMs: env.GATEWAY_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: env.GATEWAY_REQUEST_TIMEOUT_MS,
    trustedProxies: env.GATEWAY_TRUSTED_PROXIES,
    // A worker's metrics are served by the primary, summed over the workers.
    metricsPort: cluster.isWorker ? null : env.GATEWAY_METRICS_PORT,
    metricsHost: env.GATEWAY_HOST,
    heartbeatIntervalMs: env.GATEWAY_HEARTBEAT_INTERVAL_MS,
    instanceId: instanceIdOf(env),
    analytics: env.ANALYTICS_ENABLED
      ? { batchSize: env.ANALYTICS_BATCH_SIZE, flushMs: env.ANALYTICS_FLUSH_MS, bufferMax: env.ANALYTICS_BUFFER_MAX }
      : undefined,
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
  if (cluster.isWorker) serveMetricsToPrimary(gateway.metrics.registry);

  let shuttingDown = false;
  async function shutdown(signal: NodeJS.Signals): Promise<void> {
    if (shuttingDown) {
      logger.warn({ signal }, "second signal; exiting without waiting");
      exit(1);
    }
    shuttingDown = true;
    logger.info({ signal, graceMs: SHUTDOWN_GRACE_MS }, "shutting down: finishing in-flight requests");
    try {
      await gateway.close(SHUTDOWN_GRACE_MS);
      logger.info("gateway stopped");
      exit(0);
    } catch (err) {
      logger.error({ err }, "error during shutdown");
      exit(1);
    }
  }
  // In a cluster, Ctrl-C reaches every process: the primary tells each worker to drain (SIGTERM).
  process.on("SIGINT", (s) => (cluster.isWorker ? undefined : void shutdown(s)));
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
    exit(1);
  }
}
