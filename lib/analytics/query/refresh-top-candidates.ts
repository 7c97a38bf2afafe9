// Fills analytics.top_hour and analytics.top_day (migration 20261202071000_analytics_top)
// for closed hours and their days: what long-range top lists read (top-from-summaries.ts).
// The ingester's periodic task calls it every minute. An hour is filled once, when it has
// been closed for LATE_RECORDS_MS (until then top lists read it from the rollups); a day
// is filled again with each of its hours, the last time after its last hour closed.
import { analyticsDb } from "@/lib/analytics/analytics-db";

/** Keys kept per dimension and hour or day: well above any top list's limit (100). */
export const TOP_KEYS_PER_BUCKET = 200;
/** How long after an hour closes its records may still arrive (batches retried, gateways buffering). */
export const LATE_RECORDS_MS = 10 * 60_000;
/** As long as the rollups they summarise: hours 400 days, days 5 years. */
const RETENTION_MS = { hour: 400 * 86_400_000, day: 5 * 366 * 86_400_000 };
const HOUR_MS = 3_600_000;

export type RefreshTopOptions = {
  now?: Date;
  /** At most this many hours per call, oldest first. */
  maxHours?: number;
  /** Keys kept per dimension and bucket (tests make it small to see keys missing from a summary). */
  keysPerBucket?: number;
};

/** Fills every such hour that has traffic and no final summary, then their days; answers how many hours it filled. */
export async function refreshTopCandidates({ now = new Date(), maxHours = 1000, keysPerBucket = TOP_KEYS_PER_BUCKET }: RefreshTopOptions = {}): Promise<number> {
  const pool = analyticsDb();
  for (const grain of ["hour", "day"] as const) {
    const before = new Date(now.getTime() - RETENTION_MS[grain]);
    await pool.query(`DELETE FROM analytics.top_${grain} WHERE bucket < $1`, [before]);
    await pool.query(`DELETE FROM analytics.top_${grain}_refreshed WHERE bucket < $1`, [before]);
  }
  // The last hour closed at least LATE_RECORDS_MS ago.
  const lastClosed = new Date(Math.floor((now.getTime() - LATE_RECORDS_MS) / HOUR_MS) * HOUR_MS - HOUR_MS);
  // One index probe per hour of the retention on the small total cube, not a scan of the big ones.
  const { rows } = await pool.query<{ hour: Date }>(
    `SELECT h AS hour FROM generate_series($1::timestamptz, $2::timestamptz, interval '1 hour') AS h
     WHERE EXISTS (SELECT 1 FROM analytics.rollup_total_hour WHERE bucket = h)
       AND NOT EXISTS (SELECT 1 FROM analytics.top_hour_refreshed r WHERE r.bucket = h AND r.refreshed_at >= h + interval '1 hour' + $3 * interval '1 millisecond')
     ORDER BY h LIMIT $4`,
    [new Date(lastClosed.getTime() - RETENTION_MS.hour), lastClosed, LATE_RECORDS_MS, maxHours],
  );
  const days = new Set<number>();
  for (const { hour } of rows) {
    await pool.query("SELECT analytics.refresh_top('hour', $1, $2)", [hour, keysPerBucket]);
    days.add(Math.floor(hour.getTime() / 86_400_000) * 86_400_000);
  }
  // A day's list changes with each of its hours; the last refresh after it closed makes it final.
  // Only days whose day rollups are built (close-rollup-days.ts, which refreshes a day as it
  // builds it): an open day's top lists come from its hours.
  const { rows: state } = await pool.query<{ compacted_before: Date }>("SELECT compacted_before FROM analytics.rollup_day_state");
  const compactedBefore = state[0]!.compacted_before.getTime();
  for (const day of days) {
    if (day < compactedBefore) await pool.query("SELECT analytics.refresh_top('day', $1, $2)", [new Date(day), keysPerBucket]);
  }
  return rows.length;
}
