// Writes one gateway batch to the analytics schema, exactly once however often it is delivered:
// in one transaction, the batch id is claimed in analytics.ingested_batch (a batch already
// there was counted: nothing else happens), the raw records are inserted, and every rollup is
// upserted. A crash anywhere before COMMIT leaves nothing behind, and the redelivered job
// starts over. Two deliveries at once: the second's claim waits for the first's transaction
// and, once it commits, finds the id taken.
//
// Raw rows are kept for the workspace's rawRetentionDays (whole UTC days, as retention drops
// them); a record older than that, or dated after tomorrow (a gateway's clock gone wrong), is
// not stored raw (its partition is gone or should not exist yet) but still counts in every
// rollup whose retention it is within.
import { analyticsBatchSchema, type AnalyticsBatch, type AnalyticsRecord } from "@portcullis/gateway/contract/analytics-record";
import { analyticsDb } from "@/lib/analytics/analytics-db";
import { currentAnalyticsSettings, type AnalyticsSettings } from "./analytics-settings";
import { storedClientIp } from "./client-ip";
import { DAY_MS, ensureRequestPartitions, forgetRequestPartitions, utcDay, withTransaction, type Queryable } from "./request-partitions";
import { aggregateRollups, rollupUpsert, type DerivedRecord } from "./rollups";
import { subscriptionOwners, type OwnerLookup } from "./subscription-owners";
import { userAgentFamily } from "./user-agent-family";

export type IngestDeps = {
  /** Where to write: a pool (a connection is taken per batch) or a connected client not in a transaction. */
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
  const valid = analyticsBatchSchema.parse(batch);
  const db = deps.db ?? analyticsDb();
  const now = deps.now?.() ?? Date.now();
  const settings = await (deps.settings ?? currentAnalyticsSettings)();
  const records = await derive(valid, settings, deps.owners);

  const firstRawDay = utcDay(now) - settings.rawRetentionDays * DAY_MS;
  const lastRawDay = utcDay(now) + DAY_MS;
  const raw = records.filter((r) => r.t >= firstRawDay && utcDay(r.t) <= lastRawDay);
  const rollups = aggregateRollups(records, now);

  for (let attempt = 1; ; attempt++) {
    try {
      await ensureRequestPartitions(db, raw.map((r) => utcDay(r.t)));
      return await withTransaction(db, async (client) => {
        const claimed = await client.query(
          "INSERT INTO analytics.ingested_batch (batch_id, gateway_id, records) VALUES ($1, $2, $3) ON CONFLICT (batch_id) DO NOTHING RETURNING batch_id",
          [valid.batchId, valid.gatewayId, valid.records.length],
        );
        if (claimed.rowCount === 0) return { duplicate: true, records: 0 };
        if (raw.length > 0) await client.query(rawInsert(valid.gatewayId, raw));
        for (const { rollup, rows } of rollups) if (rows.length > 0) await client.query(rollupUpsert(rollup, rows));
        return { duplicate: false, records: valid.records.length };
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      // Retention (maybe in another ingester) dropped a partition this process thought it had,
      // or a rare lock cycle: the transaction is gone whole, so trying again is safe.
      if (attempt >= 3 || (code !== NO_PARTITION && code !== DEADLOCK)) throw error;
      if (code === NO_PARTITION) forgetRequestPartitions();
    }
  }
}

async function derive(batch: AnalyticsBatch, settings: AnalyticsSettings, owners?: OwnerLookup): Promise<StoredRecord[]> {
  const subscriptionIds = batch.records.flatMap((r) => (r.subscriptionId ? [r.subscriptionId] : []));
  const ownerOf = subscriptionIds.length > 0 ? await subscriptionOwners(subscriptionIds, owners) : new Map<string, string | null>();
  // A batch repeats a few callers and clients: each distinct value is worked out once.
  const ip = memo((value: string | null) => storedClientIp(value, settings.clientIp));
  const ua = memo(userAgentFamily);
  return batch.records.map((r) => ({
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
  }));
}

function memo(fn: (value: string | null) => string | null): (value: string | null) => string | null {
  const seen = new Map<string | null, string | null>();
  return (value) => {
    let result = seen.get(value);
    if (result === undefined) seen.set(value, (result = fn(value)));
    return result;
  };
}

const rawColumns: [name: string, type: string, value: (r: StoredRecord) => unknown][] = [
  ["t", "timestamptz", (r) => new Date(r.t).toISOString()],
  ["request_id", "text", (r) => r.record.requestId],
  ["trace_id", "text", (r) => r.record.traceId],
  ["method", "text", (r) => r.record.method],
  ["path", "text", (r) => r.record.path],
  ["api_id", "text", (r) => r.apiId],
  ["operation", "text", (r) => r.operation],
  ["product_id", "text", (r) => r.productId],
  ["subscription_id", "text", (r) => r.subscriptionId],
  ["user_id", "text", (r) => r.userId],
  ["client_id", "text", (r) => r.record.clientId],
  ["client_ip", "text", (r) => r.clientIp],
  ["status", "smallint", (r) => r.status],
  ["reason", "text", (r) => r.reason],
  ["error_code", "text", (r) => r.record.errorCode],
  ["latency_ms", "real", (r) => r.latencyMs],
  ["upstream_ms", "real", (r) => r.record.upstreamMs],
  ["bytes_in", "bigint", (r) => r.bytesIn],
  ["bytes_out", "bigint", (r) => r.bytesOut],
  ["user_agent", "text", (r) => r.userAgent],
];

/** One statement for all raw rows: each column travels as one array parameter. */
function rawInsert(gatewayId: string, records: readonly StoredRecord[]): { text: string; values: unknown[] } {
  const names = rawColumns.map(([name]) => name);
  const text =
    `INSERT INTO analytics.request (gateway_id, ${names.join(", ")}) ` +
    `SELECT $1, u.* FROM unnest(${rawColumns.map(([, type], i) => `$${i + 2}::${type}[]`).join(", ")}) AS u(${names.join(", ")})`;
  return { text, values: [gatewayId, ...rawColumns.map(([, , value]) => records.map(value))] };
}
