// Percentiles leave PostgreSQL as merged histograms: SQL sums the sparse
// (bucket << 32) | count elements per group with unnest, so an answer carries a few
// dozen numbers per point however many rows it merged; percentilesOf reads them here.
import { decodeHistogram, percentilesOf, type Histogram } from "@/lib/analytics/latency-histogram";

/**
 * A CTE body merging `latency_hist` of the rows of `from` by `groupBy` (a column list):
 * one row per group with `hist`, the merged sparse histogram.
 */
export function mergedHistogramsSql(from: string, groupBy: string): string {
  return `SELECT ${groupBy}, array_agg((b << 32) | c) AS hist FROM (
    SELECT ${groupBy}, e >> 32 AS b, sum(e & 4294967295)::bigint AS c
    FROM ${from}, unnest(latency_hist) AS e GROUP BY ${groupBy}, b
  ) merged GROUP BY ${groupBy}`;
}

export type FigureRow = {
  count: string;
  errors: string;
  client_errors: string;
  server_errors: string;
  bytes_in: string | null;
  bytes_out: string | null;
  hist: string[] | null;
};

export type Figures = {
  count: number;
  errors: number;
  clientErrors: number;
  serverErrors: number;
  bytesIn: number;
  bytesOut: number;
  hist: Histogram;
};

export const noFigures = (): Figures => ({ count: 0, errors: 0, clientErrors: 0, serverErrors: 0, bytesIn: 0, bytesOut: 0, hist: new Map() });

export function figuresOf(row: FigureRow): Figures {
  return {
    count: Number(row.count),
    errors: Number(row.errors),
    clientErrors: Number(row.client_errors),
    serverErrors: Number(row.server_errors),
    bytesIn: Number(row.bytes_in ?? 0),
    bytesOut: Number(row.bytes_out ?? 0),
    hist: decodeHistogram(row.hist),
  };
}

export function addFigures(into: Figures, more: Figures): void {
  into.count += more.count;
  into.errors += more.errors;
  into.clientErrors += more.clientErrors;
  into.serverErrors += more.serverErrors;
  into.bytesIn += more.bytesIn;
  into.bytesOut += more.bytesOut;
  for (const [bucket, count] of more.hist) into.hist.set(bucket, (into.hist.get(bucket) ?? 0) + count);
}

/** The answer's figures: counts, bytes and p50/p95/p99 of the merged histogram. */
export function toFigures({ hist, ...counts }: Figures) {
  return { ...counts, ...percentilesOf(hist) };
}
