// The largest values of one dimension over a range, with exact counts, errors and p95.
//
// Long unfiltered ranges over subscriptions, developers, APIs, operations and products read
// the hourly and daily summaries instead of the rollups (top-from-summaries.ts).
import type { TopList, TopQuery } from "@/lib/analytics/analytics-schemas";
import { analyticsDb } from "@/lib/analytics/analytics-db";
import { decodeHistogram, percentilesOf } from "@/lib/analytics/latency-histogram";
import type { Actor } from "@/lib/iam/actor";
import { resolveRange, type AnalyticsRange } from "./analytics-range";
import { scopedFilters } from "./analytics-scope";
import {
  columnOf,
  measuresOf,
  partWhere,
  pickSource,
  sourceParts,
  SqlParams,
  statusSums,
  type Dimension,
  type DimensionFilters,
  type Source,
  type SourcePart,
} from "./analytics-sources";
import { mergedHistogramsSql } from "./histogram-rows";
import { summarisedDimensions, topFromSummaries } from "./top-from-summaries";
import { apiNames, labelsOf } from "./top-labels";

type TopRow = { key: string; api: string; count: string; errors: string; hist: string[] | null };

// GET /api/v1/analytics/top
export async function getTop(actor: Actor, query: TopQuery): Promise<TopList> {
  const dimension: Dimension = query.dimension;
  const range = resolveRange(query);
  const filters = await scopedFilters(actor, query);
  if (!filters) return { dimension, items: [] };

  const summarised = range.interval !== "minute" && Object.keys(filters).length === 0 && summarisedDimensions.includes(dimension);
  const rows = summarised
    ? await topFromSummaries(range, dimension, query.limit)
    : await topRows(pickSource(range.interval, [...(Object.keys(filters) as Dimension[]), dimension]), range, filters, dimension, query.limit);

  const keys = rows.map((r) => r.key);
  const [labels, apis] = await Promise.all([
    labelsOf(dimension, keys),
    dimension === "operation" && !filters.api ? apiNames([...new Set(rows.map((r) => r.api))]) : Promise.resolve(new Map<string, string>()),
  ]);
  const items = rows.map((row) => {
    const p95 = percentilesOf(decodeHistogram(row.hist)).p95;
    const figures = { count: Number(row.count), errors: Number(row.errors), p95 };
    if (dimension !== "operation") return { key: row.key, label: labels.get(row.key) ?? row.key, ...figures };
    // The same operation text may exist in several APIs: each item says which.
    const label = filters.api ? row.key : `${apis.get(row.api) ?? row.api} · ${row.key}`;
    return { key: row.key, label, apiId: row.api, ...figures };
  });
  return { dimension, items };
}

/** The key (and, for operations, the API) a row is grouped by. */
function keyColumns(dimension: Dimension) {
  const column = columnOf[dimension];
  return {
    key: dimension === "status" ? "status::text" : column,
    api: dimension === "operation" ? "api_id" : "''",
    // A request without a value (no API matched, no subscription, not refused) is not listed.
    nonEmpty: dimension === "status" ? "true" : `${column} <> ''${dimension === "operation" ? " AND api_id <> ''" : ""}`,
  };
}

async function topRows(source: Source, range: AnalyticsRange, filters: DimensionFilters, dimension: Dimension, limit: number) {
  const params = new SqlParams();
  const { key, api, nonEmpty } = keyColumns(dimension);
  const rowsOf = (part: SourcePart) =>
    `SELECT ${key} AS key, ${api} AS api, ${measuresOf(part.source)} FROM ${part.source.table} WHERE ${partWhere(part, filters, params)} AND ${nonEmpty}`;
  const sql = `WITH src AS NOT MATERIALIZED (
      ${(await sourceParts(source, range)).map(rowsOf).join(" UNION ALL ")}
    ),
    top AS (SELECT key, api, ${statusSums} FROM src GROUP BY key, api ORDER BY count DESC, key, api LIMIT ${params.add(limit)}),
    hists AS (${mergedHistogramsSql("src JOIN top USING (key, api)", "key, api")})
    SELECT top.key, top.api, top.count, top.errors, hists.hist FROM top LEFT JOIN hists USING (key, api)
    ORDER BY top.count DESC, top.key, top.api`;
  return (await analyticsDb().query<TopRow>(sql, params.values)).rows;
}
