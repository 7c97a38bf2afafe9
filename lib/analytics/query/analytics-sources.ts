// Query routing: which table answers a query. Each rollup ("cube") keeps some dimensions
// at some grain; a query reads the smallest one that has every dimension it filters or
// groups by, at a grain no coarser than its interval. The raw request table has every
// dimension at any grain and is the fallback (request log, subscription filters with
// minute intervals, reasons per subscription, ...).
import { analyticsDb } from "@/lib/analytics/analytics-db";
import type { AnalyticsInterval } from "@/lib/analytics/analytics-schemas";
import { MAX_BUCKET, MIN_MS } from "@/lib/analytics/latency-histogram";
import type { AnalyticsRange } from "./analytics-range";

export type Dimension = "api" | "operation" | "product" | "subscription" | "user" | "gateway" | "status" | "reason";

/** Each dimension's column, the same name in every table. */
export const columnOf: Record<Dimension, string> = {
  api: "api_id",
  operation: "operation",
  product: "product_id",
  subscription: "subscription_id",
  user: "user_id",
  gateway: "gateway_id",
  status: "status",
  reason: "reason",
};

export type Source = {
  table: string;
  grain: AnalyticsInterval | "raw";
  dims: readonly Dimension[];
  /** A day rollup: the hour rollup answering the days it does not hold yet (sourceParts). */
  openDays?: Source;
};

const TOTAL: readonly Dimension[] = ["gateway", "status", "reason"];
const API: readonly Dimension[] = ["api", "operation", "product", "gateway", "status", "reason"];
const SUBSCRIPTION: readonly Dimension[] = ["subscription", "user", "api", "product", "status"];
const ALL = Object.keys(columnOf) as Dimension[];

export const rawSource: Source = { table: "analytics.request", grain: "raw", dims: ALL };

/**
 * Smallest first, per interval. There is no total day cube: a day series sums 24 total hours, still
 * tiny. No API cube per minute: it cost ingestion more rows than any other table (migration
 * 20261202150000_analytics_ingest_throughput), and a minute interval covers at most 2 days, which
 * the raw table holds (its (api_id, t) index serves an API's minutes).
 */
const totalHour: Source = { table: "analytics.rollup_total_hour", grain: "hour", dims: TOTAL };
const apiHour: Source = { table: "analytics.rollup_api_hour", grain: "hour", dims: API };
const subscriptionHour: Source = { table: "analytics.rollup_subscription_hour", grain: "hour", dims: SUBSCRIPTION };
const sourcesByInterval: Record<AnalyticsInterval, Source[]> = {
  minute: [{ table: "analytics.rollup_total_minute", grain: "minute", dims: TOTAL }, rawSource],
  hour: [totalHour, apiHour, subscriptionHour, rawSource],
  day: [
    totalHour,
    { table: "analytics.rollup_api_day", grain: "day", dims: API, openDays: apiHour },
    { table: "analytics.rollup_subscription_day", grain: "day", dims: SUBSCRIPTION, openDays: subscriptionHour },
    rawSource,
  ],
};

export function pickSource(interval: AnalyticsInterval, needed: Iterable<Dimension>): Source {
  const dims = [...needed];
  return sourcesByInterval[interval].find((source) => dims.every((d) => source.dims.includes(d))) ?? rawSource;
}

/** One table's share of a query: the part of the range it answers, and which days of it (a day rollup's or its hours'). */
export type SourcePart = { source: Source; range: AnalyticsRange; days?: "compacted" | "open" };

const COMPACTED_BEFORE = "SELECT compacted_before FROM analytics.rollup_day_state";

/**
 * The tables answering `source` over `range`, to be read in one statement (UNION ALL). A day
 * rollup holds the days before compacted_before, built from their hours once they closed
 * (lib/analytics/ingest/close-rollup-days.ts); the later days come from its hour rollup, which
 * holds every record. The bound read here only narrows the hours looked up: the statement reads
 * it again (partWhere), so a day closed in between is counted from exactly one of the two.
 */
export async function sourceParts(source: Source, range: AnalyticsRange): Promise<SourcePart[]> {
  if (!source.openDays) return [{ source, range }];
  const { rows } = await analyticsDb().query<{ compacted_before: Date }>(COMPACTED_BEFORE);
  const openFrom = Math.max(range.from.getTime(), rows[0]!.compacted_before.getTime());
  const parts: SourcePart[] = [{ source, range, days: "compacted" }];
  if (openFrom < range.to.getTime()) parts.push({ source: source.openDays, range: { ...range, from: new Date(openFrom) }, days: "open" });
  return parts;
}

/** whereOf for a part, with its side of the compacted days' bound. */
export function partWhere(part: SourcePart, filters: DimensionFilters, params: SqlParams): string {
  const where = whereOf(part.source, part.range, filters, params);
  if (!part.days) return where;
  return `${where} AND bucket ${part.days === "compacted" ? "<" : ">="} (${COMPACTED_BEFORE})`;
}

/** The filters a query narrows by, as dimension -> value (or values: a user's subscriptions). */
export type DimensionFilters = Partial<Record<Dimension, string | number | readonly string[]>>;

/** Positional parameters of one statement. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export const timeColumnOf = (source: Source) => (source.grain === "raw" ? "t" : "bucket");

const GRAIN_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** Every bucket start of `source`'s grain in the range. */
function bucketsOf(source: Source, range: AnalyticsRange): Date[] {
  const step = GRAIN_MS[source.grain as AnalyticsInterval];
  const buckets: Date[] = [];
  for (let t = Math.ceil(range.from.getTime() / step) * step; t < range.to.getTime(); t += step) buckets.push(new Date(t));
  return buckets;
}

/**
 * The conditions of the range and the filters, ANDed. A filtered rollup is read bucket by
 * bucket (bucket = ANY(...)): each lookup descends the primary key, led by the bucket and then
 * the API or subscription, straight to the filtered key's rows. Rollups have no index led by
 * those keys (each one cost ingestion a random page write per row).
 */
export function whereOf(source: Source, range: AnalyticsRange, filters: DimensionFilters, params: SqlParams): string {
  const time = timeColumnOf(source);
  const conditions =
    source.grain !== "raw" && Object.keys(filters).length > 0
      ? [`${time} = ANY(${params.add(bucketsOf(source, range))}::timestamptz[])`]
      : [`${time} >= ${params.add(range.from)}`, `${time} < ${params.add(range.to)}`];
  for (const [dim, value] of Object.entries(filters) as [Dimension, string | number | readonly string[]][]) {
    conditions.push(Array.isArray(value) ? `${columnOf[dim]} = ANY(${params.add(value)})` : `${columnOf[dim]} = ${params.add(value)}`);
  }
  return conditions.join(" AND ");
}

/** A raw row as a one-sample histogram, bucketed exactly as latency-histogram.ts's bucketOf does. */
const rawHistogram = `ARRAY[(CASE WHEN latency_ms::float8 > ${MIN_MS} THEN least(${MAX_BUCKET}, ceil(ln(latency_ms::float8 / ${MIN_MS}) / ln(2 ^ 0.25) - 1e-9))::bigint ELSE 0 END << 32) | 1]`;

/** The measures of a row, named alike for every source: count, status, bytes_in, bytes_out, latency_hist. */
export function measuresOf(source: Source): string {
  if (source.grain === "raw") return `1 AS count, status, bytes_in, bytes_out, ${rawHistogram} AS latency_hist`;
  return "count, status, bytes_in, bytes_out, latency_hist";
}

/** Sums of counts by status class, over rows named `count` and `status`. */
export const statusSums = `sum(count)::bigint AS count,
  coalesce(sum(count) FILTER (WHERE status >= 400), 0)::bigint AS errors,
  coalesce(sum(count) FILTER (WHERE status BETWEEN 400 AND 499), 0)::bigint AS client_errors,
  coalesce(sum(count) FILTER (WHERE status >= 500), 0)::bigint AS server_errors`;
