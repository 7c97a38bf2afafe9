// The rollup tables as data: each one's bucket grain, key columns and retention, and the one
// statement that adds a transaction's staged records (ingest-batch.ts) to it. PostgreSQL
// aggregates the staged rows itself (GROUP BY key, each record's latency one element of the
// key's sparse histogram), so a statement never touches a key twice (ON CONFLICT DO UPDATE
// refuses that), and ORDER BY key makes concurrent ingesters lock shared rows in the same
// order, so they wait for each other instead of deadlocking.
import { DAY_MS } from "./request-partitions";

/** A record as the ingester stores it: the gateway's fields plus what it derived. */
export type DerivedRecord = {
  t: number;
  gatewayId: string;
  apiId: string | null;
  operation: string | null;
  productId: string | null;
  subscriptionId: string | null;
  userId: string | null;
  status: number;
  reason: string | null;
  latencyMs: number;
  bytesIn: number;
  bytesOut: number;
};

type Grain = "minute" | "hour" | "day";

/** How far the day rollups have been closed (migration 20261202190000_analytics_day_rollups_from_hours). */
export const DAY_STATE = "analytics.rollup_day_state";
/**
 * Every batch's transaction holds this advisory lock shared from before its first rollup write;
 * closing a day takes it exclusively for a moment (close-rollup-days.ts).
 */
export const DAY_CLOSING_LOCK = "hashtext('portcullis.analytics.day_closing')";

/** How long each grain is kept; a record older than its grain's retention is not added to it. */
export const rollupRetentionMs: Record<Grain, number> = { minute: 8 * DAY_MS, hour: 400 * DAY_MS, day: 5 * 365 * DAY_MS };

/** A key column and the staged expression it is filled from (null keys are stored as ''). */
type Key = { name: string; from: string };
export type RollupTable = {
  table: string;
  grain: Grain;
  keys: Key[];
  attributes: string[];
  only?: string;
  /**
   * A day rollup: the hour rollup of the same keys it is built from once a day closes
   * (close-rollup-days.ts); batches add to it only the records of days already closed.
   */
  closedFrom?: string;
};

const key = (name: string): Key => ({ name, from: `coalesce(${name}, '')` });
const totalKeys: Key[] = [{ name: "gateway_id", from: "gateway_id" }, { name: "status", from: "status" }, key("reason")];
const apiKeys: Key[] = [key("api_id"), key("operation"), key("product_id"), ...totalKeys];
const subscriptionKeys: Key[] = [{ name: "subscription_id", from: "subscription_id" }, key("api_id"), { name: "status", from: "status" }];

/**
 * In the order every ingester writes them. The tables whose rows concurrent transactions share
 * most (a day's, the totals') come last: a row stays locked from its upsert to COMMIT, so the
 * later it is written the shorter another ingester waits for it.
 */
export const rollupTables: RollupTable[] = [
  // Only records with a subscription; user_id and product_id follow from it (the last transaction's value stays).
  { table: "rollup_subscription_hour", grain: "hour", keys: subscriptionKeys, attributes: ["user_id", "product_id"], only: "subscription_id IS NOT NULL" },
  { table: "rollup_api_hour", grain: "hour", keys: apiKeys, attributes: [] },
  { table: "rollup_subscription_day", grain: "day", keys: subscriptionKeys, attributes: ["user_id", "product_id"], only: "subscription_id IS NOT NULL", closedFrom: "rollup_subscription_hour" },
  { table: "rollup_api_day", grain: "day", keys: apiKeys, attributes: [], closedFrom: "rollup_api_hour" },
  { table: "rollup_total_minute", grain: "minute", keys: totalKeys, attributes: [] },
  { table: "rollup_total_hour", grain: "hour", keys: totalKeys, attributes: [] },
];

/** Elements a stored histogram may hold before an upsert merges its repeated buckets. */
export const COMPACT_AT = 256;

/** Keys with more records than this in one statement have their histogram merged there; fewer are appended as they are. */
const MERGE_ABOVE = 16;

/**
 * The upsert adding the rows of `staging` (columns as analytics.request's, plus `he`, each
 * record's latency as a one-sample histogram element) to `rollup`, for records whose bucket
 * starts at or after `oldest`.
 */
export function rollupUpsert(rollup: RollupTable, staging: string, oldest: Date): string {
  const keyNames = rollup.keys.map((k) => k.name);
  const bucket = `date_trunc('${rollup.grain}', t, 'UTC')`;
  const conditions = [
    `${bucket} >= '${oldest.toISOString()}'`,
    ...(rollup.only ? [rollup.only] : []),
    // Read after the transaction took the day-closing lock (DAY_CLOSING_LOCK), so a
    // closing either sees this transaction's hour rows or this statement sees its new bound.
    ...(rollup.closedFrom ? [`${bucket} < (SELECT closing_before FROM ${DAY_STATE})`] : []),
  ];
  const rows =
    `SELECT ${bucket} AS bucket, ${rollup.keys.map((k) => `${k.from} AS ${k.name}`).join(", ")}, ` +
    `${rollup.attributes.map((a) => `${a}, `).join("")}he, bytes_in, bytes_out FROM ${staging} WHERE ${conditions.join(" AND ")}`;
  const groupBy = ["bucket", ...keyNames].join(", ");
  const names = [groupBy, ...rollup.attributes, "count", "bytes_in", "bytes_out", "latency_hist"].join(", ");
  // One element per record, sorted: repeated buckets are allowed (readers sum them). A key with
  // many records (busy traffic) is merged here, so no row starts out longer than it needs to.
  const select =
    `${groupBy}, ${rollup.attributes.map((a) => `max(${a}), `).join("")}count(*), sum(bytes_in), sum(bytes_out), ` +
    `CASE WHEN count(*) > ${MERGE_ABOVE} THEN analytics.hist_merge(array_agg(he), '{}') ELSE array_agg(he ORDER BY he) END`;
  const updates = [
    "count = r.count + EXCLUDED.count",
    "bytes_in = r.bytes_in + EXCLUDED.bytes_in",
    "bytes_out = r.bytes_out + EXCLUDED.bytes_out",
    // Merging (unnest, group, array_agg) costs ~25 µs a row (25,000 merges in psql: 590 ms, against
    // 31 ms to append), paid on every hot row of every batch. Readers sum repeated buckets anyway
    // (decodeHistogram, mergedHistogramsSql), so a row is compacted only once it would grow past
    // COMPACT_AT elements (2 KB, still stored inline).
    `latency_hist = CASE WHEN cardinality(r.latency_hist) + cardinality(EXCLUDED.latency_hist) <= ${COMPACT_AT} ` +
      "THEN r.latency_hist || EXCLUDED.latency_hist ELSE analytics.hist_merge(r.latency_hist, EXCLUDED.latency_hist) END",
    ...rollup.attributes.map((a) => `${a} = EXCLUDED.${a}`),
  ];
  return (
    `INSERT INTO analytics.${rollup.table} AS r (${names}) ` +
    `SELECT ${select} FROM (${rows}) s GROUP BY ${groupBy} ORDER BY ${groupBy} ` +
    `ON CONFLICT (${groupBy}) DO UPDATE SET ${updates.join(", ")}`
  );
}
