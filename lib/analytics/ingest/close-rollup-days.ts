// Builds the day rollups (API, subscription) from the hour rollups once a day has closed,
// instead of upserting them with every batch: a day's key gets one insert instead of one
// upsert per transaction that saw it. The ingester's periodic task runs it every minute.
//
// Exact however it interleaves with ingestion (analytics.rollup_day_state says how far it got):
//  - every batch's transaction takes DAY_CLOSING_LOCK shared before its first rollup write and
//    adds a record to the day rollups only if its day is before closing_before (read after the lock);
//  - closing day D takes that lock exclusively, which waits for the transactions in flight and
//    holds up the next ones for a moment: it deletes D's day rows (the late records of an
//    interrupted closing, which the hours hold too), moves closing_before past D and exports its
//    snapshot. A second connection imports the snapshot (REPEATABLE READ) and the lock is let go:
//    batches go on, adding D's late records to the day rows (and the hours), while the second
//    connection aggregates D's hours as they were at the snapshot, which are exactly the records
//    the day rows do not get;
//  - the aggregate is added to the day rows, and compacted_before moved past D, in one
//    transaction. Queries read a day from the day rollups only once it is before
//    compacted_before (analytics-sources.ts), so until then nothing half-built is ever read, and
//    a closing interrupted anywhere (a crash, a restart) is started again from D's hours.
import type pg from "pg";
import { LATE_RECORDS_MS, TOP_KEYS_PER_BUCKET } from "@/lib/analytics/query/refresh-top-candidates";
import { DAY_MS, withTransaction } from "./request-partitions";
import { DAY_CLOSING_LOCK, DAY_STATE, rollupTables, type RollupTable } from "./rollups";

/** One closer at a time (held for a whole run, on its session): a second ingester's run skips. */
const CLOSER_LOCK = "hashtext('portcullis.analytics.day_closer')";

const dayRollups = rollupTables.filter((r): r is RollupTable & { closedFrom: string } => r.closedFrom !== undefined);

export type CloseRollupDaysOptions = {
  now?: number;
  /** A day is closed once it ended this long ago (default LATE_RECORDS_MS); later records still count. */
  graceMs?: number;
  /** At most this many days per call, oldest first. */
  maxDays?: number;
};

/** Closes every day that ended at least graceMs ago and is not compacted yet; answers how many (null: another closer is running). */
export async function closeRollupDays(pool: pg.Pool, { now = Date.now(), graceMs = LATE_RECORDS_MS, maxDays = 400 }: CloseRollupDaysOptions = {}): Promise<number | null> {
  // Both connections are taken before the lock: with the lock held, ingestion's transactions
  // wait on it while holding theirs, and a pool they exhausted would never hand the second one out.
  const closing = await pool.connect();
  let aggregating: pg.PoolClient | undefined;
  try {
    aggregating = await pool.connect();
    const { rows } = await aggregating.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${CLOSER_LOCK}) AS locked`);
    if (!rows[0]!.locked) return null;
    try {
      let closed = 0;
      for (; closed < maxDays; closed++) {
        const day = await firstOpenDay(aggregating);
        if (day.getTime() + DAY_MS + graceMs > now) break;
        await closeDay(closing, aggregating, day);
      }
      return closed;
    } finally {
      await aggregating.query(`SELECT pg_advisory_unlock(${CLOSER_LOCK})`);
    }
  } finally {
    aggregating?.release();
    closing.release();
  }
}

async function firstOpenDay(db: pg.ClientBase): Promise<Date> {
  const { rows } = await db.query<{ compacted_before: Date }>(`SELECT compacted_before FROM ${DAY_STATE}`);
  return rows[0]!.compacted_before;
}

async function closeDay(closing: pg.ClientBase, aggregating: pg.ClientBase, day: Date): Promise<void> {
  const staged = (rollup: RollupTable) => `pg_temp.closing_${rollup.table}`;
  await aggregating.query(dayRollups.map((r) => `CREATE TEMPORARY TABLE IF NOT EXISTS closing_${r.table} (LIKE analytics.${r.table}); TRUNCATE ${staged(r)}`).join("; "));

  // The moment ingestion waits: from the exclusive lock to the snapshot's import.
  await closing.query("BEGIN");
  try {
    await closing.query(`SELECT pg_advisory_xact_lock(${DAY_CLOSING_LOCK})`);
    for (const r of dayRollups) await closing.query(`DELETE FROM analytics.${r.table} WHERE bucket = $1`, [day]);
    await closing.query(`UPDATE ${DAY_STATE} SET closing_before = greatest(closing_before, $1::timestamptz + interval '1 day')`, [day]);
    const { rows } = await closing.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
    await aggregating.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    await aggregating.query(`SET TRANSACTION SNAPSHOT '${rows[0]!.snapshot}'`);
    await closing.query("COMMIT");
  } catch (error) {
    await closing.query("ROLLBACK").catch(() => {});
    await aggregating.query("ROLLBACK").catch(() => {});
    throw error;
  }

  try {
    for (const r of dayRollups) await aggregating.query(`INSERT INTO ${staged(r)} (${columnsOf(r)}) ${dayAggregate(r)}`, [day]);
    await aggregating.query("COMMIT");
  } catch (error) {
    await aggregating.query("ROLLBACK").catch(() => {});
    throw error;
  }

  await withTransaction(aggregating, async (client) => {
    for (const r of dayRollups) await client.query(addToDayRows(r, staged(r)));
    const moved = await client.query(`UPDATE ${DAY_STATE} SET compacted_before = $1::timestamptz + interval '1 day' WHERE compacted_before = $1`, [day]);
    if (moved.rowCount !== 1) throw new Error(`closing ${day.toISOString()}: the day state moved under the closer`);
    // The day's top-list summary, now final (refresh-top-candidates.ts leaves open days alone);
    // like that task, not for a day without traffic, which top lists read from its (empty) hours.
    await client.query(
      `SELECT analytics.refresh_top('day', $1, $2)
       WHERE EXISTS (SELECT 1 FROM analytics.rollup_total_hour WHERE bucket >= $1 AND bucket < $1::timestamptz + interval '1 day')`,
      [day, TOP_KEYS_PER_BUCKET],
    );
  });
}

const keyList = (rollup: RollupTable) => rollup.keys.map((k) => k.name).join(", ");
const columnsOf = (rollup: RollupTable) => ["bucket", keyList(rollup), ...rollup.attributes, "count", "bytes_in", "bytes_out", "latency_hist"].join(", ");

/** A day's rows of `rollup` ($1 the day) from its hour rollup: counts and bytes summed, histograms merged. */
function dayAggregate(rollup: RollupTable & { closedFrom: string }): string {
  const keys = keyList(rollup);
  return `WITH h AS (SELECT * FROM analytics.${rollup.closedFrom} WHERE bucket >= $1 AND bucket < $1::timestamptz + interval '1 day'),
    sums AS (
      SELECT ${keys}, ${rollup.attributes.map((a) => `max(${a}) AS ${a}, `).join("")}
        sum(count)::bigint AS count, sum(bytes_in)::bigint AS bytes_in, sum(bytes_out)::bigint AS bytes_out
      FROM h GROUP BY ${keys}
    ),
    hists AS (
      SELECT ${keys}, analytics.hist_merge(array_agg(e), '{}') AS latency_hist FROM h, unnest(h.latency_hist) AS e GROUP BY ${keys}
    )
    SELECT $1::timestamptz AS bucket, ${keys}, ${rollup.attributes.map((a) => `${a}, `).join("")}count, bytes_in, bytes_out, latency_hist
    FROM sums JOIN hists USING (${keys})`;
}

/** Adds the staged day rows to the day rollup, in key order (as batches lock them) beside the late records already there. */
function addToDayRows(rollup: RollupTable, staged: string): string {
  const names = columnsOf(rollup);
  const conflict = `bucket, ${keyList(rollup)}`;
  return `INSERT INTO analytics.${rollup.table} AS r (${names}) SELECT ${names} FROM ${staged} ORDER BY ${conflict}
    ON CONFLICT (${conflict}) DO UPDATE SET count = r.count + EXCLUDED.count, bytes_in = r.bytes_in + EXCLUDED.bytes_in,
      bytes_out = r.bytes_out + EXCLUDED.bytes_out, latency_hist = analytics.hist_merge(r.latency_hist, EXCLUDED.latency_hist)`;
}
