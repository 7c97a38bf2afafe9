// The ingestion worker: takes the gateways' analytics batches off their BullMQ queue (each job
// goes to exactly one worker, however many ingesters run) and writes them with writeBatches,
// up to GROUP_BATCHES jobs per transaction while its connections are busy (batch-groups.ts).
// A job completes only after the transaction holding its batch committed; a worker that dies
// mid-job leaves it locked until the lock expires, then BullMQ hands it to a worker again (a
// stalled job), and the batch id makes that second delivery count once. Beside the queue,
// periodic tasks keep tomorrow's partition ready, apply retention, build the day rollups of
// closed days from their hours and fill the top-list candidates of closed hours.
import { DelayedError, UnrecoverableError, Worker } from "bullmq";
import type pg from "pg";
import { Redis } from "ioredis";
import { ZodError } from "zod";
import { analyticsBatchSchema, analyticsChannelNames, type AnalyticsBatch } from "@portcullis/gateway/contract/analytics-record";
import { analyticsDb } from "@/lib/analytics/analytics-db";
import { env } from "@/lib/env";
import { startPeriodicTask } from "@/lib/jobs/start-periodic-task";
import { logger } from "@/lib/logger";
import { refreshTopCandidates } from "@/lib/analytics/query/refresh-top-candidates";
import { applyAnalyticsRetention } from "./apply-analytics-retention";
import { batchGroups } from "./batch-groups";
import { closeRollupDays } from "./close-rollup-days";
import { writeBatches, type IngestResult } from "./ingest-batch";
import { DAY_MS, ensureRequestPartitions, utcDay } from "./request-partitions";

const PARTITIONS_EVERY_MS = 60 * 60_000;
const RETENTION_EVERY_MS = 60 * 60_000;
const TOP_CANDIDATES_EVERY_MS = 60_000;
const CLOSE_DAYS_EVERY_MS = 60_000;
/** A batch whose worker died keeps coming back this many times before BullMQ fails it. */
const MAX_STALLED = 10;
/** While PostgreSQL is unreachable, a batch waits this long in Redis before it is tried again. */
const DATABASE_RETRY_MS = 5_000;
/** Batches per transaction at most (bench:analytics: 8 together upsert about a fifth fewer rollup rows than one at a time). */
export const GROUP_BATCHES = 8;

export type AnalyticsIngester = { worker: Worker<AnalyticsBatch, IngestResult>; stop: () => Promise<void> };

export type IngesterOptions = {
  /** Transactions at once (default ANALYTICS_INGEST_CONCURRENCY); the worker takes GROUP_BATCHES jobs for each. */
  concurrency?: number;
  lockDurationMs?: number;
  /** Partitions, retention and top candidates (default on); tests of the queue alone leave them off. */
  periodicTasks?: boolean;
  /** Defaults: the process's analytics pool and CONFIG_CHANNEL_PREFIX. */
  db?: pg.Pool;
  prefix?: string;
};

export async function startAnalyticsIngester(options: IngesterOptions = {}): Promise<AnalyticsIngester> {
  const { REDIS_URL, CONFIG_CHANNEL_PREFIX, ANALYTICS_INGEST_CONCURRENCY, ANALYTICS_INGEST_LOCK_MS } = env();
  const concurrency = options.concurrency ?? ANALYTICS_INGEST_CONCURRENCY;
  const lockDuration = options.lockDurationMs ?? ANALYTICS_INGEST_LOCK_MS;
  // A connection per batch in flight, one for partitions, one for retention and two for closing days.
  const pool = options.db ?? analyticsDb({ max: concurrency + 4 });

  const names = analyticsChannelNames(options.prefix ?? CONFIG_CHANNEL_PREFIX);
  // BullMQ's blocking commands need a connection that retries forever rather than failing a request.
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const ingest = batchGroups((batches) => writeBatches(batches, { db: pool }), {
    inFlight: concurrency,
    maxBatches: GROUP_BATCHES,
    splitOnError: (error) => !databaseUnavailable(error),
  });
  const worker = new Worker<AnalyticsBatch, IngestResult>(
    names.queueName,
    async (job, token) => {
      try {
        return await ingest(analyticsBatchSchema.parse(job.data));
      } catch (error) {
        // A malformed batch fails the same way every time: fail the job instead of retrying it.
        if (error instanceof ZodError) throw new UnrecoverableError(`invalid analytics batch: ${error.issues[0]?.message ?? "invalid"}`);
        // PostgreSQL down or restarting: the batch waits in Redis without spending one of its
        // attempts, so an outage longer than the gateway's retries loses nothing either.
        if (databaseUnavailable(error)) {
          logger().warn({ jobId: job.id, err: (error as Error).message }, "analytics database unavailable; batch delayed");
          await job.moveToDelayed(Date.now() + DATABASE_RETRY_MS, token);
          throw new DelayedError();
        }
        throw error;
      }
    },
    // Jobs waiting for a transaction keep their locks (renewed by the worker) like jobs being written.
    { connection, prefix: names.bullPrefix, concurrency: concurrency * GROUP_BATCHES, lockDuration, stalledInterval: lockDuration, maxStalledCount: MAX_STALLED },
  );
  worker.on("failed", (job, err) => logger().error({ jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, "analytics batch failed"));
  worker.on("error", (err) => logger().error({ err: err.message }, "analytics worker error"));
  await worker.waitUntilReady();

  if (options.periodicTasks !== false) {
    // Each runs once now too: today's and tomorrow's partitions exist from the start.
    startPeriodicTask({
      name: "analytics-partitions",
      intervalMs: PARTITIONS_EVERY_MS,
      run: () => ensureRequestPartitions(pool, [utcDay(Date.now()), utcDay(Date.now()) + DAY_MS]),
    });
    startPeriodicTask({ name: "analytics-retention", intervalMs: RETENTION_EVERY_MS, run: () => applyAnalyticsRetention(pool) });
    startPeriodicTask({ name: "analytics-day-rollups", intervalMs: CLOSE_DAYS_EVERY_MS, run: () => closeRollupDays(pool) });
    startPeriodicTask({ name: "analytics-top-candidates", intervalMs: TOP_CANDIDATES_EVERY_MS, run: () => refreshTopCandidates() });
  }

  return {
    worker,
    async stop() {
      // Lets the jobs in flight finish (and complete) first: a stop loses nothing either.
      await worker.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}

const UNREACHABLE_CODES = new Set([
  ...["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"],
  // Prisma's (settings and subscription owners): can't reach, timed out, connection closed, pool timeout.
  ...["P1001", "P1002", "P1008", "P1017", "P2024"],
]);

/** Connection failures and server shutdowns (SQLSTATE classes 08 and 57P), not errors of the batch. */
export function databaseUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || /^08/.test(code) || /^57P0[1-3]$/.test(code))) return true;
  return typeof message === "string" && /Connection terminated|timeout exceeded when trying to connect/i.test(message);
}
