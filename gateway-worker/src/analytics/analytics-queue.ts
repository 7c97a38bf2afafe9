// Sends one batch as one BullMQ job on the analytics queue (contract/analytics-record.ts):
// a job is taken by exactly one ingester, and the batch id as job id makes a re-sent
// batch the same job. Its own Redis connection, built to fail fast: every command is
// bounded by a timeout and one retry, and the batcher sends one batch at a time, so
// while Redis is down the offline queue holds at most one add and memory stays flat.
import { Queue, type JobsOptions } from "bullmq";
import { Redis } from "ioredis";
import { analyticsChannelNames, type AnalyticsBatch } from "../contract/analytics-record.js";

const COMMAND_TIMEOUT_MS = 2000;
/** bullmq's close() may wait for an "end" a dead connection never emits (see config-subscriber.ts). */
const CLOSE_TIMEOUT_MS = 1000;

/**
 * Redelivery is the queue's job from here on: an ingester that fails a batch gets it again
 * (the ingester is idempotent). Finished jobs are kept briefly and few (a full batch is
 * ~200 KB): a handful to look at, not a second copy of the data.
 */
export const ANALYTICS_JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: { age: 3600, count: 100 },
  removeOnFail: { age: 24 * 3600, count: 1000 },
} as const satisfies JobsOptions;

export interface AnalyticsQueue {
  send(batch: AnalyticsBatch): Promise<void>;
  close(): Promise<void>;
}

export function createAnalyticsQueue(opts: {
  redisUrl: string;
  prefix: string;
  onError(err: Error): void;
  /** Each time the connection becomes ready again after losing it: time to send what is held. */
  onReconnect(): void;
}): AnalyticsQueue {
  const names = analyticsChannelNames(opts.prefix);
  const redis = new Redis(opts.redisUrl, {
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(200 * attempt, 5000),
  });
  redis.on("error", opts.onError);
  let readyBefore = false;
  redis.on("ready", () => {
    if (readyBefore) opts.onReconnect();
    readyBefore = true;
  });
  // Neither waits for a first connection nor asks for the server's version, so a Redis that is
  // down at start-up only fails the sends, and they succeed once it is back.
  const queue = new Queue(names.queueName, { connection: redis, prefix: names.bullPrefix, skipVersionCheck: true, skipWaitingForReady: true });
  queue.on("error", opts.onError);

  return {
    async send(batch) {
      await queue.add(names.jobName, batch, { ...ANALYTICS_JOB_OPTIONS, jobId: batch.batchId });
    },
    async close() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS)));
      await Promise.race([queue.close().catch(() => undefined), timeout]);
      clearTimeout(timer);
      // The connection is ours, not the queue's: quit politely when it is up, else just drop it.
      if (redis.status === "ready") await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}
