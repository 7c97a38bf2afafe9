// The rollup tables as data: each one's bucket grain, key columns and retention, how a record
// maps to its key, and the one upsert statement that adds a batch's pre-aggregated rows to it.
// Aggregating in TypeScript first means a statement never touches a key twice (ON CONFLICT
// DO UPDATE refuses that), and sorting the keys makes concurrent ingesters lock shared rows in
// the same order, so they wait for each other instead of deadlocking.
import { bucketOf } from "@/lib/analytics/latency-histogram";
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
const GRAIN_MS: Record<Grain, number> = { minute: 60_000, hour: 3_600_000, day: DAY_MS };

/** How long each grain is kept; a record older than its grain's retention is not added to it. */
export const rollupRetentionMs: Record<Grain, number> = { minute: 8 * DAY_MS, hour: 400 * DAY_MS, day: 5 * 365 * DAY_MS };

type Column = { name: string; type: "text" | "smallint" };
type Picked = { key: (string | number)[]; attributes: (string | null)[] };
/** A set of rollups sharing key columns, one table per grain. */
type RollupFamily = {
  tables: { table: string; grain: Grain }[];
  keys: Column[];
  /** Functional dependencies of the key: stored, not part of it (the latest batch's value wins). */
  attributes: Column[];
  /** The key and attribute values of a record, in column order; null: the record is not in these rollups. */
  pick: (r: DerivedRecord) => Picked | null;
};
export type RollupTable = { table: string; grain: Grain; keys: Column[]; attributes: Column[] };

const text = (name: string): Column => ({ name, type: "text" });
const status: Column = { name: "status", type: "smallint" };
const totalKeys = [text("gateway_id"), status, text("reason")];

/** In a fixed order: every ingester upserts the tables one after another in this order too. */
const families: RollupFamily[] = [
  {
    tables: [{ table: "rollup_total_minute", grain: "minute" }, { table: "rollup_total_hour", grain: "hour" }],
    keys: totalKeys,
    attributes: [],
    pick: (r) => ({ key: [r.gatewayId, r.status, r.reason ?? ""], attributes: [] }),
  },
  {
    tables: [{ table: "rollup_api_minute", grain: "minute" }, { table: "rollup_api_hour", grain: "hour" }, { table: "rollup_api_day", grain: "day" }],
    keys: [text("api_id"), text("operation"), text("product_id"), ...totalKeys],
    attributes: [],
    pick: (r) => ({ key: [r.apiId ?? "", r.operation ?? "", r.productId ?? "", r.gatewayId, r.status, r.reason ?? ""], attributes: [] }),
  },
  {
    // Only records with a subscription.
    tables: [{ table: "rollup_subscription_hour", grain: "hour" }, { table: "rollup_subscription_day", grain: "day" }],
    keys: [text("subscription_id"), text("api_id"), status],
    attributes: [text("user_id"), text("product_id")],
    pick: (r) => (r.subscriptionId === null ? null : { key: [r.subscriptionId, r.apiId ?? "", r.status], attributes: [r.userId, r.productId] }),
  },
];

export const rollupTables: RollupTable[] = families.flatMap(({ tables, keys, attributes }) => tables.map((t) => ({ ...t, keys, attributes })));

/** `buckets`: one latency bucket per record, in no order (cheaper than a Map per row for the usual few samples). */
type RollupRow = Picked & { bucket: number; count: number; bytesIn: number; bytesOut: number; buckets: number[] };

/** Every rollup's rows for these records: one row per key and table, each table's sorted by key. */
export function aggregateRollups(records: readonly DerivedRecord[], now: number): { rollup: RollupTable; rows: RollupRow[] }[] {
  const latencyBuckets = records.map((r) => bucketOf(r.latencyMs));
  const result: { rollup: RollupTable; rows: RollupRow[] }[] = [];
  for (const family of families) {
    // A record's key is computed once per family; each grain only prefixes its bucket.
    const picked = records.map((r) => family.pick(r));
    const ids = picked.map((p) => (p ? p.key.join("\u0000") : ""));
    for (const { table, grain } of family.tables) {
      const grainMs = GRAIN_MS[grain];
      const oldest = now - rollupRetentionMs[grain];
      const rows = new Map<string, RollupRow>();
      for (let i = 0; i < records.length; i++) {
        const p = picked[i];
        const bucket = Math.floor(records[i].t / grainMs) * grainMs;
        if (p === null || bucket < oldest) continue;
        const id = `${bucket}\u0000${ids[i]}`;
        let row = rows.get(id);
        if (row === undefined) {
          row = { key: p.key, attributes: p.attributes, bucket, count: 0, bytesIn: 0, bytesOut: 0, buckets: [] };
          rows.set(id, row);
        }
        row.count += 1;
        row.bytesIn += records[i].bytesIn;
        row.bytesOut += records[i].bytesOut;
        row.buckets.push(latencyBuckets[i]);
      }
      // Any fixed order prevents deadlocks; this one (UTF-16 code units) is the same in every ingester.
      const sortedIds = [...rows.keys()].sort();
      result.push({ rollup: rollupTables.find((t) => t.table === table)!, rows: sortedIds.map((id) => rows.get(id)!) });
    }
  }
  return result;
}

/**
 * A row's buckets in encodeHistogram's stored form, as a bigint[] literal: sorted by bucket,
 * each (bucket << 32) | count. Plain numbers are exact here (bucket ≤ 127, so below 2^39 · 2^32
 * < 2^53), and skip the BigInt and Map a row per record would otherwise cost.
 */
function histogramLiteral(buckets: number[]): string {
  buckets.sort((a, b) => a - b);
  const elements: number[] = [];
  for (let i = 0; i < buckets.length; ) {
    let j = i;
    while (j < buckets.length && buckets[j] === buckets[i]) j++;
    elements.push(buckets[i] * 4294967296 + (j - i));
    i = j;
  }
  return `{${elements.join(",")}}`;
}

/** Elements a stored histogram may hold before an upsert merges its repeated buckets. */
export const COMPACT_AT = 256;

/** The upsert of a rollup's rows: one statement, arrays unnested in the order given. */
export function rollupUpsert(rollup: RollupTable, rows: readonly RollupRow[]): { text: string; values: unknown[] } {
  const columns = [...rollup.keys, ...rollup.attributes];
  const names = ["bucket", ...columns.map((c) => c.name), "count", "bytes_in", "bytes_out", "latency_hist"];
  const types = ["timestamptz", ...columns.map((c) => c.type), "bigint", "bigint", "bigint", "text"];
  const values: unknown[] = [
    rows.map((r) => new Date(r.bucket).toISOString()),
    ...rollup.keys.map((_, i) => rows.map((r) => r.key[i])),
    ...rollup.attributes.map((_, i) => rows.map((r) => r.attributes[i])),
    rows.map((r) => r.count),
    rows.map((r) => r.bytesIn),
    rows.map((r) => r.bytesOut),
    rows.map((r) => histogramLiteral(r.buckets)),
  ];
  const keyNames = ["bucket", ...rollup.keys.map((c) => c.name)];
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
    ...rollup.attributes.map((c) => `${c.name} = EXCLUDED.${c.name}`),
  ];
  const select = names.map((n) => (n === "latency_hist" ? "u.latency_hist::bigint[]" : `u.${n}`)).join(", ");
  const text =
    `INSERT INTO analytics.${rollup.table} AS r (${names.join(", ")}) ` +
    `SELECT ${select} FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")}) AS u(${names.join(", ")}) ` +
    `ON CONFLICT (${keyNames.join(", ")}) DO UPDATE SET ${updates.join(", ")}`;
  return { text, values };
}
