// Top lists over long unfiltered ranges, from analytics.top_day and top_hour (each closed
// day's and hour's 200 busiest keys per dimension with their count, errors and merged
// histogram; refresh-top-candidates.ts) instead of millions of rollup rows.
//
// Two steps. Candidates: the keys with the largest sums over the summaries of the range
// (days summarised after they closed, and the hours of the other days), plus the busiest
// keys of hours not summarised yet, read from the hour rollup. A day counts as summarised
// only once its day rollup is built (close-rollup-days.ts); until then its hours stand for
// it. Figures: each candidate's summary rows, and the rollup rows of the days and hours whose summary lacks it (where
// it was not among the 200 busiest, so few rows) or that are not final yet (the open hour).
// The approximation is in the choice of keys: a key is missed only if it never was among
// a day's (or hour's) 200 busiest yet outranks the candidates over the whole range. The
// figures are exact as of each summary, which is refilled until 10 minutes after its hour
// or day closed (records later than that count in the rollups but not here).
import { analyticsDb } from "@/lib/analytics/analytics-db";
import type { AnalyticsRange } from "./analytics-range";
import { columnOf, pickSource, SqlParams, type Dimension } from "./analytics-sources";
import { mergedHistogramsSql } from "./histogram-rows";
import { LATE_RECORDS_MS } from "./refresh-top-candidates";

/** The dimensions the summaries keep. */
export const summarisedDimensions: readonly Dimension[] = ["subscription", "user", "api", "operation", "product"];

export type SummaryTopRow = { key: string; api: string; count: string; errors: string; hist: string[] | null };

/** The range split by what summarises it: $1 from, $2 to, $3 the grace for late records. */
const SPANS = `final_days AS (
    SELECT bucket FROM analytics.top_day_refreshed
    WHERE bucket >= $1 AND bucket + interval '1 day' <= $2 AND refreshed_at >= bucket + interval '1 day' + $3 * interval '1 millisecond'
      AND bucket < (SELECT compacted_before FROM analytics.rollup_day_state)
  ),
  hours AS (
    SELECT h FROM generate_series($1::timestamptz, $2::timestamptz - interval '1 hour', interval '1 hour') AS h
    WHERE date_trunc('day', h, 'UTC') NOT IN (SELECT bucket FROM final_days)
  ),
  final_hours AS (
    SELECT h FROM hours WHERE EXISTS (
      SELECT 1 FROM analytics.top_hour_refreshed r WHERE r.bucket = h AND r.refreshed_at >= h + interval '1 hour' + $3 * interval '1 millisecond'
    )
  ),
  open_hours AS (SELECT h FROM hours EXCEPT SELECT h FROM final_hours)`;

/** A summary key as a rollup row's columns: operations are "<api_id> <operation>". */
function keyOf(dimension: Dimension, row: string) {
  const column = columnOf[dimension];
  return {
    text: dimension === "operation" ? `${row}.api_id || ' ' || ${row}.operation` : `${row}.${column}`,
    matches: (key: string) =>
      dimension === "operation"
        ? `${row}.api_id = split_part(${key}, ' ', 1) AND ${row}.operation = substr(${key}, strpos(${key}, ' ') + 1)`
        : `${row}.${column} = ${key}`,
  };
}

export async function topFromSummaries(range: AnalyticsRange, dimension: Dimension, limit: number): Promise<SummaryTopRow[]> {
  const candidates = await candidateKeys(range, dimension, Math.min(200, Math.max(30, 3 * limit)));
  if (candidates.length === 0) return [];
  const params = new SqlParams();
  [range.from, range.to, LATE_RECORDS_MS].forEach((v) => params.add(v));
  const dim = params.add(dimension);
  const cand = params.add(candidates);
  const day = pickSource("day", [dimension]).table;
  const hour = pickSource("hour", [dimension]).table;
  const c = keyOf(dimension, "c");
  const rowFigures = `${c.text} AS key, c.count, CASE WHEN c.status >= 400 THEN c.count ELSE 0 END AS errors, c.latency_hist`;
  /**
   * The rollup rows of the (bucket, key) pairs `missing` names, looked up pair by pair on the
   * rollup's (key, bucket) index: LATERAL with OFFSET 0 keeps the planner from hashing a
   * whole rollup when it misjudges how few pairs there are.
   */
  const fromRollup = (table: string, missing: string) =>
    `SELECT found.* FROM (${missing}) miss CROSS JOIN LATERAL (
      SELECT ${rowFigures} FROM ${table} c WHERE c.bucket = miss.bucket AND ${c.matches("miss.key")} OFFSET 0
    ) found`;
  const sql = `WITH ${SPANS},
    cand AS (SELECT unnest(${cand}::text[]) AS key),
    day_top AS (SELECT key, bucket, count, errors, latency_hist FROM analytics.top_day
      WHERE dimension = ${dim} AND key = ANY(${cand}) AND bucket >= $1 AND bucket < $2 AND bucket IN (SELECT bucket FROM final_days)),
    hour_top AS (SELECT key, bucket, count, errors, latency_hist FROM analytics.top_hour
      WHERE dimension = ${dim} AND key = ANY(${cand}) AND bucket >= $1 AND bucket < $2 AND bucket IN (SELECT h FROM final_hours)),
    parts AS (
      SELECT key, count, errors, latency_hist FROM day_top
      UNION ALL SELECT key, count, errors, latency_hist FROM hour_top
      UNION ALL ${fromRollup(day, "SELECT d.bucket, cand.key FROM final_days d CROSS JOIN cand EXCEPT SELECT bucket, key FROM day_top")}
      UNION ALL ${fromRollup(hour, "SELECT f.h AS bucket, cand.key FROM final_hours f CROSS JOIN cand EXCEPT SELECT bucket, key FROM hour_top")}
      UNION ALL ${fromRollup(hour, "SELECT o.h AS bucket, cand.key FROM open_hours o CROSS JOIN cand")}
    ),
    top AS (SELECT key, sum(count)::bigint AS count, sum(errors)::bigint AS errors FROM parts GROUP BY key ORDER BY 2 DESC, 1 LIMIT ${params.add(limit)}),
    hists AS (${mergedHistogramsSql("parts JOIN top USING (key)", "key")})
    SELECT ${dimension === "operation" ? "substr(top.key, strpos(top.key, ' ') + 1) AS key, split_part(top.key, ' ', 1) AS api" : "top.key, '' AS api"},
      top.count, top.errors, hists.hist
    FROM top LEFT JOIN hists USING (key) ORDER BY top.count DESC, top.key`;
  return (await analyticsDb().query<SummaryTopRow>(sql, params.values)).rows;
}

/** The keys worth computing: largest sums over the range's summaries, plus the busiest of hours not summarised. */
async function candidateKeys(range: AnalyticsRange, dimension: Dimension, count: number): Promise<string[]> {
  const pool = analyticsDb();
  const spanParams = [range.from, range.to, LATE_RECORDS_MS];
  const [summarised, unsummarised] = await Promise.all([
    pool.query<{ key: string }>(
      `WITH ${SPANS}
      SELECT key FROM (
        SELECT key, count FROM analytics.top_day WHERE dimension = $4 AND bucket IN (SELECT bucket FROM final_days)
        UNION ALL
        SELECT key, count FROM analytics.top_hour WHERE dimension = $4 AND bucket IN (SELECT h FROM hours)
      ) summed GROUP BY key ORDER BY sum(count) DESC, key LIMIT $5`,
      [...spanParams, dimension, count],
    ),
    pool.query<{ h: Date }>(
      `WITH ${SPANS} SELECT h FROM hours WHERE NOT EXISTS (SELECT 1 FROM analytics.top_hour_refreshed r WHERE r.bucket = h)`,
      spanParams,
    ),
  ]);
  const keys = new Set(summarised.rows.map((r) => r.key));
  const missing = unsummarised.rows.map((r) => r.h);
  if (missing.length > 0) {
    // The open hour, or hours before the first refresh: the hour rollup for those hours only.
    const c = keyOf(dimension, "c");
    const present = dimension === "operation" ? "c.api_id <> '' AND c.operation <> ''" : `${c.text} <> ''`;
    const { rows } = await pool.query<{ key: string }>(
      `SELECT ${c.text} AS key FROM ${pickSource("hour", [dimension]).table} c WHERE c.bucket = ANY($1) AND ${present}
       GROUP BY 1 ORDER BY sum(c.count) DESC, 1 LIMIT $2`,
      [missing, count],
    );
    for (const row of rows) keys.add(row.key);
  }
  return [...keys];
}
