// "A test restarts the ingestion worker and redelivers a batch: nothing lost, nothing counted
// twice": the real ingester process takes batches from the real BullMQ queue, is killed with
// SIGKILL mid-stream (its jobs in flight: rolled back in PostgreSQL, still active in Redis),
// starts again and finishes (the stalled jobs redelivered), then a batch it already ingested
// arrives again under a new job id.
import { randomBytes } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { databaseUnavailable, startAnalyticsIngester } from "@/lib/analytics/ingest/start-analytics-ingester";
import { analyticsChannelNames, type AnalyticsBatch } from "@portcullis/gateway/contract/analytics-record";
import { env } from "@/lib/env";
import { analyticsBatch, analyticsRecord, analyticsRows, uniqueGatewayId } from "@/test/support/analytics-batches";
import { startIngesterProcess } from "@/test/support/ingester-process";
import { stopProcess } from "@/test/support/gateway-process";

const BATCHES = 30;
const RECORDS = 500;
const connection = new Redis(env().REDIS_URL, { maxRetriesPerRequest: null });
const children: ChildProcess[] = [];
const queues: Queue[] = [];

/** A queue of the test's own: a config channel prefix no other ingester listens on. */
function ownQueue() {
  const prefix = `${env().CONFIG_CHANNEL_PREFIX}-ingest-${randomBytes(4).toString("hex")}`;
  const names = analyticsChannelNames(prefix);
  const queue = new Queue<AnalyticsBatch>(names.queueName, { connection, prefix: names.bullPrefix });
  queues.push(queue);
  return { prefix, names, queue };
}

afterAll(async () => {
  await Promise.all(children.map((child) => stopProcess(child, "SIGKILL")));
  for (const queue of queues) {
    await queue.obliterate({ force: true });
    await queue.close();
  }
  await connection.quit();
});

async function ingestedBatches(gatewayId: string): Promise<number> {
  const [row] = await analyticsRows<{ n: number }>("SELECT count(*)::int AS n FROM analytics.ingested_batch WHERE gateway_id = $1", [gatewayId]);
  return row.n;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it("loses nothing and counts nothing twice when the ingester is killed mid-stream and a batch is redelivered", { timeout: 120_000 }, async () => {
  const { prefix, names, queue } = ownQueue();
  const gatewayId = uniqueGatewayId("restart");
  const t = Date.now();
  const batches = Array.from({ length: BATCHES }, () =>
    analyticsBatch(gatewayId, Array.from({ length: RECORDS }, (_, i) => analyticsRecord({ t: t - i, status: i % 10 === 0 ? 503 : 200, latencyMs: 1 + (i % 50) }))),
  );
  // A short lock, so the killed worker's jobs come back within seconds rather than 30 s.
  children.push(await startIngesterProcess({ prefix, lockMs: 2000, concurrency: 2 }));
  for (const batch of batches) await queue.add(names.jobName, batch, { jobId: batch.batchId, removeOnComplete: false, attempts: 10, backoff: { type: "exponential", delay: 200 } });

  await until("a few batches are in", async () => (await ingestedBatches(gatewayId)) >= 3, 30_000);
  const active = await queue.getActiveCount();
  children[0].kill("SIGKILL");
  await new Promise((resolve) => children[0].once("exit", resolve));
  const ingestedAtKill = await ingestedBatches(gatewayId);
  expect(ingestedAtKill).toBeLessThan(BATCHES);
  expect(active).toBeGreaterThan(0); // jobs were in flight when it died

  children.push(await startIngesterProcess({ prefix, lockMs: 2000, concurrency: 2 }));
  await until("every batch is in", async () => (await ingestedBatches(gatewayId)) === BATCHES);
  await until("every job completed", async () => (await queue.getCompletedCount()) === BATCHES);
  // The jobs the killed worker held came back as stalled jobs, not as fresh ones.
  expect((await queue.getCompleted(0, -1)).some((job) => job.stalledCounter > 0)).toBe(true);

  // The gateway sends a batch again (its Redis write timed out, say): a new job, the same batch.
  const again = await queue.add(names.jobName, batches[0], { jobId: `${batches[0].batchId}-again`, removeOnComplete: false });
  await until("the redelivered batch is done", async () => (await again.getState()) === "completed");
  expect((await queue.getJob(again.id!))?.returnvalue).toEqual({ duplicate: true, records: 0 });
  expect(await queue.getFailedCount()).toBe(0);

  const [raw] = await analyticsRows<{ n: number }>("SELECT count(*)::int AS n FROM analytics.request WHERE gateway_id = $1", [gatewayId]);
  expect(raw.n).toBe(BATCHES * RECORDS);
  const totals = await analyticsRows("SELECT status, sum(count)::int AS count FROM analytics.rollup_total_minute WHERE gateway_id = $1 GROUP BY 1 ORDER BY 1", [gatewayId]);
  expect(totals).toEqual([{ status: 200, count: BATCHES * RECORDS * 0.9 }, { status: 503, count: BATCHES * RECORDS * 0.1 }]);
  const [hour] = await analyticsRows<{ n: number }>("SELECT sum(count)::int AS n FROM analytics.rollup_api_hour WHERE gateway_id = $1", [gatewayId]);
  expect(hour.n).toBe(BATCHES * RECORDS);
});

it("shares the queue between two ingesters writing the same rollup rows: every batch once, no deadlock", { timeout: 120_000 }, async () => {
  const { prefix, names, queue } = ownQueue();
  const gatewayId = uniqueGatewayId("pair");
  const t = Date.now();
  // Every batch hits the same few keys in every rollup, so the two processes contend for the same rows.
  const batches = Array.from({ length: 40 }, () =>
    analyticsBatch(gatewayId, Array.from({ length: 100 }, (_, i) => analyticsRecord({ t, apiId: `api-${gatewayId}-${i % 3}`, status: i % 2 ? 200 : 404, latencyMs: 1 + i }))),
  );
  children.push(...(await Promise.all([startIngesterProcess({ prefix, concurrency: 3 }), startIngesterProcess({ prefix, concurrency: 3 })])));
  await queue.addBulk(batches.map((batch) => ({ name: names.jobName, data: batch, opts: { jobId: batch.batchId, removeOnComplete: false } })));
  await until("every job completed", async () => (await queue.getCompletedCount()) === batches.length);
  expect(await queue.getFailedCount()).toBe(0);

  const expected = new Map<string, number>();
  for (const record of batches.flatMap((b) => b.records)) expected.set(`${record.apiId} ${record.status}`, (expected.get(`${record.apiId} ${record.status}`) ?? 0) + 1);
  for (const [table, count] of [["request", "count(*)"], ["rollup_api_hour", "sum(count)"], ["rollup_api_day", "sum(count)"]]) {
    const counts = await analyticsRows<{ key: string; count: number }>(
      `SELECT api_id || ' ' || status AS key, ${count}::int AS count FROM analytics.${table} WHERE gateway_id = $1 GROUP BY 1`,
      [gatewayId],
    );
    expect(new Map(counts.map((row) => [row.key, row.count])), table).toEqual(expected);
  }
  expect(await ingestedBatches(gatewayId)).toBe(40);
});

it("keeps a batch waiting in Redis, without spending its attempts, while PostgreSQL is unreachable", { timeout: 60_000 }, async () => {
  const { prefix, names, queue } = ownQueue();
  const gatewayId = uniqueGatewayId("outage");
  const batch = analyticsBatch(gatewayId, [analyticsRecord(), analyticsRecord()]);
  // Nothing listens on port 1: every connection is refused, as when the database is down.
  const unreachable = new pg.Pool({ connectionString: "postgresql://postgres@127.0.0.1:1/none", connectionTimeoutMillis: 1000 });
  const down = await startAnalyticsIngester({ db: unreachable, prefix, periodicTasks: false, concurrency: 1 });
  // One attempt: an ordinary failure would fail the job for good.
  const job = await queue.add(names.jobName, batch, { jobId: batch.batchId, attempts: 1, removeOnComplete: false });
  await until("the batch is delayed", async () => (await job.getState()) === "delayed", 20_000);
  await down.stop();
  await unreachable.end();
  expect((await queue.getJob(job.id!))?.attemptsMade).toBe(0);

  const up = await startAnalyticsIngester({ prefix, periodicTasks: false, concurrency: 1 });
  try {
    await until("the batch is ingested", async () => (await job.getState()) === "completed", 30_000);
  } finally {
    await up.stop();
  }
  const [raw] = await analyticsRows<{ n: number }>("SELECT count(*)::int AS n FROM analytics.request WHERE gateway_id = $1", [gatewayId]);
  expect(raw.n).toBe(2);
});

it.each([
  [{ code: "ECONNREFUSED" }, true],
  [{ code: "57P01", message: "terminating connection due to administrator command" }, true],
  [{ code: "08006" }, true],
  [{ code: "P1001", message: "Can't reach database server" }, true],
  [new Error("Connection terminated unexpectedly"), true],
  [{ code: "23505", message: "duplicate key value" }, false],
  [{ code: "22P02", message: "invalid input syntax" }, false],
  [new Error("something else"), false],
])("counts %o as the database being unavailable: %s", (error, unavailable) => {
  expect(databaseUnavailable(error)).toBe(unavailable);
});
