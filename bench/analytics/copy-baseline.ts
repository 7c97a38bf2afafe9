// The baseline of bench:analytics' ingestion figure: the same rows, as the raw table
// stores them, written with one plain COPY ... FROM STDIN into a table with the same
// columns but no index, no partitions and no rollups: about the fastest PostgreSQL
// takes rows on this machine.
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { AnalyticsBatch, AnalyticsRecord } from "@portcullis/gateway/contract/analytics-record";
import { userAgentFamily } from "./synthetic-records";

export const COPY_TABLE = "bench_copy_request";

const COLUMNS = `t timestamptz, gateway_id text, request_id text, trace_id text, method text, path text, api_id text,
  operation text, product_id text, subscription_id text, user_id text, client_id text, client_ip text, status smallint,
  reason text, error_code text, latency_ms real, upstream_ms real, bytes_in bigint, bytes_out bigint, user_agent text`;

// Generated values hold no tab, newline or backslash: COPY's text format needs no escaping here.
const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? "\\N" : String(v));

function copyLines(gatewayId: string, records: AnalyticsRecord[], ownerOf: Map<string, string>): string {
  let out = "";
  for (const r of records) {
    out +=
      [
        new Date(r.t).toISOString(), gatewayId, r.requestId, r.traceId, r.method, r.path, r.apiId, r.operation, r.productId,
        r.subscriptionId, r.subscriptionId ? ownerOf.get(r.subscriptionId) : null, r.clientId, r.clientIp, r.status, r.reason,
        r.errorCode, r.latencyMs, r.upstreamMs, r.bytesIn, r.bytesOut, r.userAgent ? (userAgentFamily.get(r.userAgent) ?? "other") : null,
      ]
        .map(cell)
        .join("\t") + "\n";
  }
  return out;
}

/**
 * A fresh unindexed table taking chunks of batches, one COPY statement per chunk; only the
 * COPYs are timed (the rows are formatted before each). `finish` reports and drops the table.
 */
export async function openCopyBaseline(databaseUrl: string, ownerOf: Map<string, string>) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP TABLE IF EXISTS ${COPY_TABLE}; CREATE TABLE ${COPY_TABLE} (${COLUMNS})`);
  let rows = 0;
  let ms = 0;
  return {
    async copy(chunk: AnalyticsBatch[]) {
      const text = chunk.map((b) => copyLines(b.gatewayId, b.records, ownerOf));
      const started = performance.now();
      const stream = client.query(copyFrom(`COPY ${COPY_TABLE} FROM STDIN`));
      const done = new Promise<void>((resolve, reject) => stream.on("finish", resolve).on("error", reject));
      for (const part of text) if (!stream.write(part)) await new Promise((resolve) => stream.once("drain", resolve));
      stream.end();
      await done;
      ms += performance.now() - started;
      rows += chunk.reduce((sum, b) => sum + b.records.length, 0);
    },
    async finish() {
      try {
        const { rows: size } = await client.query<{ bytes: string }>(`SELECT pg_total_relation_size('${COPY_TABLE}') AS bytes`);
        return { rows, ms, bytes: Number(size[0]!.bytes) };
      } finally {
        await client.query(`DROP TABLE IF EXISTS ${COPY_TABLE}`).catch(() => undefined);
        await client.end();
      }
    },
  };
}
