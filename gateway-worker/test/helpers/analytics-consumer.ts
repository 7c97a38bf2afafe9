// Plays the ingester for gateway tests: a BullMQ Worker on the analytics queue of
// a prefix, keeping every batch it takes (validated against the contract).
import { Worker, type JobsOptions } from "bullmq";
import { analyticsBatchSchema, analyticsChannelNames, type AnalyticsBatch, type AnalyticsRecord } from "../../src/contract/analytics-record";

export interface AnalyticsConsumer {
  readonly batches: AnalyticsBatch[];
  /** The options each job was added with, in the order taken. */
  readonly jobOptions: JobsOptions[];
  /** Jobs that did not hold a valid batch (the test should expect none). */
  readonly invalid: string[];
  records(): AnalyticsRecord[];
  close(): Promise<void>;
}

export function consumeAnalytics(redisUrl: string, prefix: string): AnalyticsConsumer {
  const names = analyticsChannelNames(prefix);
  const batches: AnalyticsBatch[] = [];
  const invalid: string[] = [];
  const jobOptions: JobsOptions[] = [];
  const worker = new Worker(
    names.queueName,
    async (job) => {
      jobOptions.push(job.opts);
      const parsed = analyticsBatchSchema.safeParse(job.data);
      if (job.name !== names.jobName) invalid.push(`job name ${job.name}`);
      else if (!parsed.success) invalid.push(parsed.error.message);
      else if (parsed.data.batchId !== job.id) invalid.push(`job id ${job.id} is not the batch id ${parsed.data.batchId}`);
      else batches.push(parsed.data);
    },
    { connection: { url: redisUrl }, prefix: names.bullPrefix },
  );
  worker.on("error", () => undefined); // a Redis the test stopped on purpose
  return {
    batches,
    invalid,
    jobOptions,
    records: () => batches.flatMap((b) => b.records),
    close: () => worker.close(),
  };
}
