// Writes gateway batches to the analytics schema, each exactly once however often it is
// delivered: in one transaction, the batch ids are claimed in analytics.ingested_batch (a batch
// already there was counted and is left out), the claimed batches' records are COPied into a
// temporary staging table, and two statements' worth of SQL (one round trip) move them on: the
// raw rows into analytics.request and every rollup upserted from the staged rows, aggregated by
// PostgreSQL (the day rollups only for records of days already closed: close-rollup-days.ts
// builds a day from its hours once it closes). A crash anywhere before COMMIT leaves nothing behind, and the redelivered job
// starts over. Two deliveries at once: the second's claim waits for the first's transaction
// and, once it commits, finds the id taken.
//
// Several batches may share a transaction (ingestBatches; the ingester groups the jobs that
// wait while its connections are busy): one commit, and one rollup row for a key the batches
// share instead of one upsert per batch.
//
// Raw rows are kept for the workspace's rawRetentionDays (whole UTC days, as retention drops
// them); a record older than that, or dated after tomorrow (a gateway's clock gone wrong), is
// not stored raw (its partition is gone or should not exist yet) but still counts in every
// rollup whose retention it is within.
import type pg from "pg";
import { analyticsBatchSchema, type AnalyticsBatch, type AnalyticsRecord } from "@portcullis/gateway/contract/analytics-record";
import { analyticsDb } from "@/lib/analytics/analytics-db";
import { bucketOf } from "@/lib/analytics/latency-histogram";
import { currentAnalyticsSettings, type AnalyticsSettings } from "./analytics-settings";
import { storedClientIp } from "./client-ip";
import { copyField, copyFrom } from "./copy-rows";
import { DAY_MS, ensureRequestPartitions, forgetRequestPartitions, utcDay, withTransaction, type Queryable } from "./request-partitions";
import { DAY_CLOSING_LOCK, rollupRetentionMs, rollupTables, rollupUpsert, type DerivedRecord } from "./rollups";
import { subscriptionOwners, type OwnerLookup } from "./subscription-owners";
import { userAgentFamily } from "./user-agent-family";

export type IngestDeps = {
  /** Where to write: a pool (a connection is taken per call) or a connected client not in a transaction. */
  db?: Queryable;
  now?: () => number;
  settings?: () => Promise<AnalyticsSettings>;
  owners?: OwnerLookup;
};

export type IngestResult = { duplicate: boolean; records: number };

/** What is stored of a record: the rollups' fields, the gateway's record, the client IP and user agent as kept. */
type StoredRecord = DerivedRecord & { record: AnalyticsRecord; clientIp: string | null; userAgent: string | null };

const NO_PARTITION = "23514"; // check_violation: "no partition of relation ... found for row"
const DEADLOCK = "40P01";

/** Ingests a batch (validated here: a job's data is untrusted); `records` is 0 for a duplicate. */
export async function ingestBatch(batch: AnalyticsBatch, deps: IngestDeps = {}): Promise<IngestResult> {
  return (await ingestBatches([batch], deps))[0]!;
}

/** Ingests several batches in one transaction (each validated here); one result per batch, in order. */
export async function ingestBatches(batches: readonly AnalyticsBatch[], deps: IngestDeps = {}): Promise<IngestResult[]> {
  return writeBatches(batches.map((batch) => analyticsBatchSchema.parse(batch)), deps);
}

/** ingestBatches for batches already validated with analyticsBatchSchema (the ingester parses each job alone). */
export async function writeBatches(batches: readonly AnalyticsBatch[], deps: IngestDeps = {}): Promise<IngestResult[]> {
  if (batches.length === 0) return [];
  const db = deps.db ?? analyticsDb();
  const now = deps.now?.() ?? Date.now();
  const settings = await (deps.settings ?? currentAnalyticsSettings)();
  const derived = await derive(batches, settings, deps.owners);
  const firstRawDay = utcDay(now) - settings.rawRetentionDays * DAY_MS;
  const lastRawDay = utcDay(now) + DAY_MS;
  const isRaw = (r: StoredRecord) => r.t >= firstRawDay && utcDay(r.t) <= lastRawDay;
  const rollupSql = rollupStatements(now);

  for (let attempt = 1; ; attempt++) {
    try {
      await ensureRequestPartitions(db, derived.flatMap((records) => records.filter(isRaw).map((r) => utcDay(r.t))));
      return await withStaging(db, (client) =>
        withTransaction(client, async () => {
          const claimed = await claim(client, batches);
          // The same id twice in one call: the first counts, the other is the duplicate it is.
          const counted = batches.map((b) => claimed.delete(b.batchId));
          const lines = batches.map((b, i) => (counted[i] ? copyLines(b.gatewayId, derived[i]!, isRaw) : "")).join("");
          if (lines.length > 0) {
            await copyFrom(client, STAGING, lines);
            // The day-closing lock first: a day being closed (close-rollup-days.ts) waits for this
            // transaction, or this one waits for it and then adds that day's records to its day rows.
            await client.query(`SELECT pg_advisory_xact_lock_shared(${DAY_CLOSING_LOCK}); ${RAW_INSERT}; ${rollupSql}`);
          }
          return batches.map((b, i) => (counted[i] ? { duplicate: false, records: b.records.length } : { duplicate: true, records: 0 }));
        }),
      );
    } catch (error) {
      const code = (error as { code?: string }).code;
      // Retention (maybe in another ingester) dropped a partition this process thought it had,
      // or a rare lock cycle: the transaction is gone whole, so trying again is safe.
      if (attempt >= 3 || (code !== NO_PARTITION && code !== DEADLOCK)) throw error;
      if (code === NO_PARTITION) forgetRequestPartitions();
    }
  }
}

/** Claims the batch ids not ingested before, in id order (concurrent claims of shared ids never deadlock); answers those claimed. */
async function claim(client: pg.ClientBase, batches: readonly AnalyticsBatch[]): Promise<Set<string>> {
  const unique = [...new Map(batches.map((b) => [b.batchId, b])).values()].sort((a, b) => (a.batchId < b.batchId ? -1 : 1));
  const { rows } = await client.query<{ batch_id: string }>(
    `INSERT INTO analytics.ingested_batch (batch_id, gateway_id, records)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[]) ON CONFLICT (batch_id) DO NOTHING RETURNING batch_id`,
    [unique.map((b) => b.batchId), unique.map((b) => b.gatewayId), unique.map((b) => b.records.length)],
  );
  // uuid comes back lower-case; zod's uuid() accepts either case.
  const taken = new Set(rows.map((r) => r.batch_id));
  return new Set(unique.filter((b) => taken.has(b.batchId.toLowerCase())).map((b) => b.batchId));
}

async function derive(batches: readonly AnalyticsBatch[], settings: AnalyticsSettings, owners?: OwnerLookup): Promise<StoredRecord[][]> {
  const subscriptionIds = batches.flatMap((b) => b.records.flatMap((r) => (r.subscriptionId ? [r.subscriptionId] : [])));
  const ownerOf = subscriptionIds.length > 0 ? await subscriptionOwners(subscriptionIds, owners) : new Map<string, string | null>();
  // Batches repeat a few callers and clients: each distinct value is worked out once.
  const ip = memo((value: string | null) => storedClientIp(value, settings.clientIp));
  const ua = memo(userAgentFamily);
  return batches.map((batch) =>
    batch.records.map((r) => ({
      t: r.t,
      gatewayId: batch.gatewayId,
      apiId: r.apiId,
      operation: r.operation,
      productId: r.productId,
      subscriptionId: r.subscriptionId,
      userId: r.subscriptionId ? (ownerOf.get(r.subscriptionId) ?? null) : null,
      status: r.status,
      reason: r.reason,
      latencyMs: r.latencyMs,
      bytesIn: r.bytesIn,
      bytesOut: r.bytesOut,
      record: r,
      clientIp: ip(r.clientIp),
      userAgent: ua(r.userAgent),
    })),
  );
}

function memo(fn: (value: string | null) => string | null): (value: string | null) => string | null {
  const seen = new Map<string | null, string | null>();
  return (value) => {
    let result = seen.get(value);
    if (result === undefined) seen.set(value, (result = fn(value)));
    return result;
  };
}

/** analytics.request's columns after gateway_id, in the staging table's (and copyLines') order. */
const rawColumns: [name: string, type: string][] = [
  ["t", "timestamptz"],
  ["request_id", "text"],
  ["trace_id", "text"],
  ["method", "text"],
  ["path", "text"],
  ["api_id", "text"],
  ["operation", "text"],
  ["product_id", "text"],
  ["subscription_id", "text"],
  ["user_id", "text"],
  ["client_id", "text"],
  ["client_ip", "text"],
  ["status", "smallint"],
  ["reason", "text"],
  ["error_code", "text"],
  ["latency_ms", "real"],
  ["upstream_ms", "real"],
  ["bytes_in", "bigint"],
  ["bytes_out", "bigint"],
  ["user_agent", "text"],
];

/**
 * The staging table: one per connection, emptied at each COMMIT or ROLLBACK. Temporary tables
 * are not WAL-logged, which costs nothing here: what must survive is written from it to the
 * logged tables in the same transaction. `keep_raw`: the record is stored raw; `he`: its latency as a
 * one-sample histogram element, (bucket << 32) | 1.
 */
const STAGING = "pg_temp.analytics_staging";
const CREATE_STAGING =
  `CREATE TEMPORARY TABLE IF NOT EXISTS analytics_staging (keep_raw boolean NOT NULL, he bigint NOT NULL, gateway_id text NOT NULL, ` +
  `${rawColumns.map(([name, type]) => `${name} ${type}`).join(", ")}) ON COMMIT DELETE ROWS`;
const RAW_INSERT = (() => {
  const names = ["gateway_id", ...rawColumns.map(([name]) => name)].join(", ");
  return `INSERT INTO analytics.request (${names}) SELECT ${names} FROM ${STAGING} WHERE keep_raw`;
})();

/** Connections known to have the staging table (a connection the pool replaces is a new client). */
const staged = new WeakSet<pg.ClientBase>();

/** Runs `work` on one connection (from the pool, or the client given) that has the staging table. */
async function withStaging<T>(db: Queryable, work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  const pooled = "totalCount" in db;
  const client = pooled ? await (db as pg.Pool).connect() : (db as pg.ClientBase);
  try {
    if (!staged.has(client)) {
      // Outside the batch's transaction, so a rolled-back batch does not take the table with it.
      await client.query(CREATE_STAGING);
      staged.add(client);
    }
    return await work(client);
  } finally {
    if (pooled) (client as pg.PoolClient).release();
  }
}

/** One COPY text line per record: keep_raw, he, gateway_id, then rawColumns (written out: the ingester's hot loop). */
function copyLines(gatewayId: string, records: readonly StoredRecord[], isRaw: (r: StoredRecord) => boolean): string {
  const f = copyField;
  const gateway = f(gatewayId);
  let out = "";
  for (const r of records) {
    const x = r.record;
    // bucket · 2^32 + 1 is exact in a double: bucket ≤ 127. Numbers and dates need no escaping.
    out +=
      `${isRaw(r) ? "t" : "f"}\t${bucketOf(r.latencyMs) * 4294967296 + 1}\t${gateway}\t${new Date(r.t).toISOString()}\t${f(x.requestId)}\t${f(x.traceId)}\t` +
      `${f(x.method)}\t${f(x.path)}\t${f(r.apiId)}\t${f(r.operation)}\t${f(r.productId)}\t${f(r.subscriptionId)}\t${f(r.userId)}\t${f(x.clientId)}\t` +
      `${f(r.clientIp)}\t${r.status}\t${f(r.reason)}\t${f(x.errorCode)}\t${r.latencyMs}\t${f(x.upstreamMs)}\t${r.bytesIn}\t${r.bytesOut}\t${f(r.userAgent)}\n`;
  }
  return out;
}

/** Every rollup's upsert from the staging table, in rollupTables' order, as one multi-statement string. */
function rollupStatements(now: number): string {
  return rollupTables.map((rollup) => rollupUpsert(rollup, STAGING, new Date(now - rollupRetentionMs[rollup.grain]))).join("; ");
}
