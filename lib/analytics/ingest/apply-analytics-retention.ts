// Retention of the analytics schema, run now and then by every ingester (an advisory lock lets
// one do it at a time): raw partitions older than the workspace's rawRetentionDays are dropped
// whole; ingested batch ids go with the raw retention (a redelivery comes minutes after, not
// days); rollup rows past their grain's retention are deleted in bounded chunks, so no
// statement holds locks long enough to stall ingestion.
import type pg from "pg";
import { currentAnalyticsSettings } from "./analytics-settings";
import { DAY_MS, dropRequestPartitionsBefore, isPool, utcDay, type Queryable } from "./request-partitions";
import { rollupRetentionMs, rollupTables } from "./rollups";

const CHUNK_ROWS = 10_000;
const RETENTION_LOCK = "hashtext('portcullis.analytics.retention')";

export type RetentionResult = { droppedPartitions: string[]; deletedBatches: number; deletedRollupRows: number };

/** Applies retention; null when another ingester is applying it right now. */
export async function applyAnalyticsRetention(
  db: Queryable,
  options: { now?: number; rawRetentionDays?: number } = {},
): Promise<RetentionResult | null> {
  // A session lock on one connection: the chunks below are separate transactions.
  const client = isPool(db) ? await db.connect() : db;
  try {
    const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${RETENTION_LOCK}) AS locked`);
    if (!rows[0].locked) return null;
    try {
      return await applyRetention(client, options);
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${RETENTION_LOCK})`);
    }
  } finally {
    if (client !== db) (client as pg.PoolClient).release();
  }
}

async function applyRetention(db: pg.ClientBase, options: { now?: number; rawRetentionDays?: number }): Promise<RetentionResult> {
  const now = options.now ?? Date.now();
  const rawRetentionDays = options.rawRetentionDays ?? (await currentAnalyticsSettings()).rawRetentionDays;
  // The same first kept day as ingestBatch uses to decide what it stores raw.
  const firstKeptDay = utcDay(now) - rawRetentionDays * DAY_MS;
  const droppedPartitions = await dropRequestPartitionsBefore(db, firstKeptDay);
  const deletedBatches = await deleteInChunks(db, "ingested_batch", "ingested_at", new Date(now - rawRetentionDays * DAY_MS));
  let deletedRollupRows = 0;
  for (const { table, grain } of rollupTables) {
    deletedRollupRows += await deleteInChunks(db, table, "bucket", new Date(now - rollupRetentionMs[grain]));
  }
  return { droppedPartitions, deletedBatches, deletedRollupRows };
}

/** Deletes rows with `column` before `before`, CHUNK_ROWS per statement (each its own transaction). */
async function deleteInChunks(db: Queryable, table: string, column: string, before: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await db.query(
      `DELETE FROM analytics.${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM analytics.${table} WHERE ${column} < $1 LIMIT ${CHUNK_ROWS}))`,
      [before],
    );
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < CHUNK_ROWS) return total;
  }
}
