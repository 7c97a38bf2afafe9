// Requests over time: one point per bucket of the range (empty ones as zeros) with error
// counts, bytes and p50/p95/p99 merged from the rollups' histograms, and the range's totals.
import type { RequestSeries, RequestSeriesQuery } from "@/lib/analytics/analytics-schemas";
import { analyticsDb } from "@/lib/analytics/analytics-db";
import type { Actor } from "@/lib/iam/actor";
import { bucketStarts, resolveRange } from "./analytics-range";
import { scopedFilters } from "./analytics-scope";
import { measuresOf, partWhere, pickSource, sourceParts, SqlParams, statusSums, timeColumnOf, type Dimension, type SourcePart } from "./analytics-sources";
import { addFigures, figuresOf, mergedHistogramsSql, noFigures, toFigures, type FigureRow } from "./histogram-rows";

// GET /api/v1/analytics/requests
export async function getRequestSeries(actor: Actor, query: RequestSeriesQuery): Promise<RequestSeries> {
  const range = resolveRange(query);
  const filters = await scopedFilters(actor, query);
  const byStart = new Map<number, ReturnType<typeof figuresOf>>();

  if (filters) {
    const parts = await sourceParts(pickSource(range.interval, Object.keys(filters) as Dimension[]), range);
    const params = new SqlParams();
    const rowsOf = (part: SourcePart) => {
      const time = timeColumnOf(part.source);
      const t = part.source.grain === range.interval ? time : `date_trunc('${range.interval}', ${time}, 'UTC')`;
      return `SELECT ${t} AS t, ${measuresOf(part.source)} FROM ${part.source.table} WHERE ${partWhere(part, filters, params)}`;
    };
    const sql = `WITH src AS NOT MATERIALIZED (
        ${parts.map(rowsOf).join(" UNION ALL ")}
      ),
      sums AS (SELECT t, ${statusSums}, sum(bytes_in)::bigint AS bytes_in, sum(bytes_out)::bigint AS bytes_out FROM src GROUP BY t),
      hists AS (${mergedHistogramsSql("src", "t")})
      SELECT sums.*, hists.hist FROM sums LEFT JOIN hists USING (t)`;
    const { rows } = await analyticsDb().query<FigureRow & { t: Date }>(sql, params.values);
    for (const row of rows) byStart.set(row.t.getTime(), figuresOf(row));
  }

  const totals = noFigures();
  const series = bucketStarts(range).map((start) => {
    const figures = byStart.get(start.getTime()) ?? noFigures();
    addFigures(totals, figures);
    return { t: start.toISOString(), ...toFigures(figures) };
  });
  return { from: range.from.toISOString(), to: range.to.toISOString(), interval: range.interval, series, totals: toFigures(totals) };
}
