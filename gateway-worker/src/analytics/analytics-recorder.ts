// The gateway's analytics: every request it answers (refusals included, probes not)
// becomes a record once its response closes; records leave in batches through the
// analytics queue. Each gateway process has its own recorder (one per node:cluster
// worker), which registers under the gateway's instance id. Nothing here can slow
// a request: recording is a push to an array, sending happens later and apart.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { countRequestBodyBytes } from "../http/request-body-bytes.js";
import { responseBodyBytes } from "../http/response-body-bytes.js";
import type { GatewayMetrics } from "../observability/gateway-metrics.js";
import { AnalyticsBatcher } from "./analytics-batcher.js";
import { createAnalyticsQueue } from "./analytics-queue.js";
import { analyticsRecordOf, type Answer } from "./request-record.js";

export type { Answer } from "./request-record.js";

export interface AnalyticsSettings {
  /** Records per batch (1..MAX_ANALYTICS_BATCH). */
  batchSize: number;
  /** A batch leaves at most this long after its first record. */
  flushMs: number;
  /** Records held at most while Redis is unreachable; the oldest beyond are dropped (and counted). */
  bufferMax: number;
}

/** One request being measured from its arrival. */
export interface RequestMeter {
  answered(answer: Answer): void;
}

export interface AnalyticsRecorder {
  /** At arrival: starts counting the request's bytes. `res` is absent for an upgrade (nothing is counted out). */
  meter(req: IncomingMessage, res?: ServerResponse): RequestMeter;
  readonly buffered: number;
  /** Sends what is held (for a few seconds at most), then releases Redis. */
  close(): Promise<void>;
}

/** How long shutdown waits for the last batches: a little over one command timeout. */
const CLOSE_FLUSH_MS = 3000;
const WARN_INTERVAL_MS = 30_000;

export function createAnalyticsRecorder(opts: {
  redisUrl: string;
  prefix: string;
  gatewayId: string;
  settings: AnalyticsSettings;
  metrics: GatewayMetrics;
  logger: Logger;
}): AnalyticsRecorder {
  const { metrics, logger } = opts;
  // An outage logs a line now and then, not one per retry or per dropped record.
  const lastWarned = new Map<string, number>();
  const warnNowAndThen = (what: string, fields: object) => {
    const now = Date.now();
    if (now - (lastWarned.get(what) ?? 0) < WARN_INTERVAL_MS) return;
    lastWarned.set(what, now);
    logger.warn(fields, what);
  };

  const queue = createAnalyticsQueue({
    redisUrl: opts.redisUrl,
    prefix: opts.prefix,
    onError: (err) => {
      metrics.redisError("analytics");
      warnNowAndThen("analytics queue: Redis error", { err: err.message });
    },
    onReconnect: () => batcher.retryNow(),
  });
  const batcher = new AnalyticsBatcher({
    gatewayId: opts.gatewayId,
    ...opts.settings,
    send: (batch) => queue.send(batch),
    onSent: (n) => metrics.analyticsSent(n),
    onDropped: (n) => {
      metrics.analyticsDropped(n);
      warnNowAndThen("analytics buffer full: dropping the oldest records", { bufferMax: opts.settings.bufferMax });
    },
    onSendFailed: (err, batch) =>
      warnNowAndThen("analytics batch not sent; kept for a retry", { err: (err as Error).message, records: batch.records.length, buffered: batcher.buffered }),
  });
  metrics.watchAnalyticsBuffer(() => batcher.buffered);

  return {
    meter(req, res) {
      const arrivedAt = Date.now();
      const bytesIn = countRequestBodyBytes(req);
      return {
        answered(answer) {
          const bytesOut = answer.bytesOut ?? (res ? responseBodyBytes(res) : 0);
          batcher.push(analyticsRecordOf(req, answer, arrivedAt, metrics.upstreamMsOf(req), bytesIn(), bytesOut));
        },
      };
    },
    get buffered() {
      return batcher.buffered;
    },
    async close() {
      const unsent = await batcher.close(CLOSE_FLUSH_MS);
      if (unsent > 0) logger.warn({ records: unsent }, "analytics records not sent before shutdown");
      await queue.close();
    },
  };
}
