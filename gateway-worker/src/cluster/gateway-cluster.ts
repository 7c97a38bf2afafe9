// GATEWAY_WORKERS > 1: the primary process serves no traffic. It forks the
// workers (node:cluster), which share GATEWAY_PORT and GATEWAY_HTTPS_PORT and
// each run a whole gateway (its own config subscription, limiter connection and
// registration); it restarts a worker that dies, serves /metrics on
// GATEWAY_METRICS_PORT as the sum of its workers' registries (prom-client's
// AggregatorRegistry), and on SIGTERM/SIGINT lets every worker drain, then exits.
import cluster, { type Worker } from "node:cluster";
import type { Logger } from "pino";
import { AggregatorRegistry, type PrometheusContentType, type Registry } from "prom-client";
import { startMetricsServer, type MetricsServer } from "../observability/metrics-server.js";

/** Set in each worker's environment: its slot (1..n), kept by the worker that replaces it. */
export const WORKER_INDEX_ENV = "GATEWAY_WORKER_INDEX";

/** A worker dying sooner than this after its start is restarted after RESTART_BACKOFF_MS, not at once. */
const EARLY_EXIT_MS = 5_000;
const RESTART_BACKOFF_MS = 1_000;

export interface ClusterOptions {
  workers: number;
  /** null: no /metrics listener. */
  metricsPort: number | null;
  metricsHost?: string;
  /** How long a worker may drain after SIGTERM before it is killed. */
  shutdownGraceMs: number;
  logger: Logger;
  /** Called once the primary has exited its workers, with the exit code to use. */
  exit(code: number): void;
}

export async function runGatewayCluster(options: ClusterOptions): Promise<void> {
  const { logger } = options;
  const slots = new Map<Worker, { index: number; startedAt: number }>();
  let shuttingDown = false;

  const fork = (index: number) => {
    const worker = cluster.fork({ [WORKER_INDEX_ENV]: String(index) });
    slots.set(worker, { index, startedAt: Date.now() });
  };

  cluster.on("exit", (worker, code, signal) => {
    const slot = slots.get(worker);
    slots.delete(worker);
    if (shuttingDown || !slot) return;
    const early = Date.now() - slot.startedAt < EARLY_EXIT_MS;
    logger.error({ worker: worker.process.pid, index: slot.index, code, signal }, "gateway worker died; starting another");
    if (early) setTimeout(() => !shuttingDown && fork(slot.index), RESTART_BACKOFF_MS).unref();
    else fork(slot.index);
  });

  const aggregator = new AggregatorRegistry<PrometheusContentType>();
  let metricsServer: MetricsServer | null = null;
  if (options.metricsPort !== null) {
    metricsServer = await startMetricsServer(
      { contentType: aggregator.contentType, metrics: () => aggregator.clusterMetrics() },
      options.metricsPort,
      options.metricsHost,
    );
  }
  for (let index = 1; index <= options.workers; index++) fork(index);
  logger.info({ workers: options.workers, metricsPort: metricsServer?.port ?? null, pid: process.pid }, "gateway cluster started");

  async function shutdown(signal: NodeJS.Signals) {
    if (shuttingDown) {
      logger.warn({ signal }, "second signal; killing the workers");
      for (const worker of slots.keys()) worker.process.kill("SIGKILL");
      return options.exit(1);
    }
    shuttingDown = true;
    logger.info({ signal, workers: slots.size }, "shutting down: every worker finishes its in-flight requests");
    const exited = [...slots.keys()].map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          worker.once("exit", () => resolve());
          worker.process.kill("SIGTERM"); // each runs its own graceful close (main.ts)
        }),
    );
    // After its grace for in-flight requests, a worker still sends its last analytics batches (a few seconds at most).
    const force = setTimeout(() => {
      for (const worker of slots.keys()) if (!worker.isDead()) worker.process.kill("SIGKILL");
    }, options.shutdownGraceMs + 5_000);
    await Promise.all(exited);
    clearTimeout(force);
    await metricsServer?.close();
    logger.info("gateway cluster stopped");
    options.exit(0);
  }
  process.on("SIGINT", (s) => void shutdown(s));
  process.on("SIGTERM", (s) => void shutdown(s));
}

/** In a worker: answer the primary's metrics requests from this gateway's own registry. */
export function serveMetricsToPrimary(registry: Registry): void {
  // The constructor installs the worker's listener for the primary's requests.
  new AggregatorRegistry<PrometheusContentType>();
  AggregatorRegistry.setRegistries([registry]);
}
