// Recorded requests, newest first, from the raw table (kept for the workspace's
// rawRetentionDays). Keyset paging on (t, request_id), the order of the table's
// (t DESC, request_id) index; the cursor holds t to the microsecond, so requests of the
// same millisecond are neither skipped nor repeated.
import type { RequestLogItem, RequestLogQuery } from "@/lib/analytics/analytics-schemas";
import { analyticsDb } from "@/lib/analytics/analytics-db";
import { ApiError } from "@/lib/http/errors";
import type { Page } from "@/lib/http/cursor-page";
import type { Actor } from "@/lib/iam/actor";
import { resolveWindow } from "./analytics-range";
import { scopedFilters } from "./analytics-scope";
import { rawSource, SqlParams, whereOf } from "./analytics-sources";
import { apiNames } from "./top-labels";

type LogRow = {
  t: Date;
  t_text: string;
  request_id: string;
  trace_id: string | null;
  gateway_id: string;
  method: string;
  path: string;
  api_id: string | null;
  operation: string | null;
  product_id: string | null;
  subscription_id: string | null;
  user_id: string | null;
  client_id: string | null;
  client_ip: string | null;
  status: number;
  reason: string | null;
  error_code: string | null;
  latency_ms: number;
  upstream_ms: number | null;
  bytes_in: string;
  bytes_out: string;
  user_agent: string | null;
};

const badCursor = () => new ApiError("bad_request", "Invalid cursor: pass the nextCursor of a previous page of the same list");

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "string") && !Number.isNaN(Date.parse(value[0]))) {
      return value as [string, string];
    }
  } catch {
    // falls through to the error below
  }
  throw badCursor();
}

const encodeCursor = (row: LogRow) => Buffer.from(JSON.stringify([row.t_text, row.request_id])).toString("base64url");

// GET /api/v1/analytics/requests/log
export async function listRequestLog(actor: Actor, query: RequestLogQuery): Promise<Page<RequestLogItem>> {
  const window = resolveWindow(query);
  const filters = await scopedFilters(actor, query);
  if (!filters) return { items: [], nextCursor: null };

  const params = new SqlParams();
  const conditions = [whereOf(rawSource, { ...window, interval: "minute" }, filters, params)];
  if (typeof query.status === "number") conditions.push(`status = ${params.add(query.status)}`);
  else if (query.status) {
    const low = Number(query.status[0]) * 100;
    conditions.push(`status >= ${params.add(low)} AND status < ${params.add(low + 100)}`);
  }
  if (query.reason) conditions.push(`reason = ${params.add(query.reason)}`);
  if (query.requestId) conditions.push(`request_id = ${params.add(query.requestId)}`);
  if (query.traceId) conditions.push(`trace_id = ${params.add(query.traceId)}`);
  if (query.cursor) {
    const [t, requestId] = decodeCursor(query.cursor);
    const at = params.add(t);
    conditions.push(`t <= ${at}::timestamptz AND (t < ${at}::timestamptz OR request_id > ${params.add(requestId)})`);
  }
  const { rows } = await analyticsDb().query<LogRow>(
    `SELECT *, to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t_text FROM analytics.request
     WHERE ${conditions.join(" AND ")} ORDER BY t DESC, request_id LIMIT ${params.add(query.limit + 1)}`,
    params.values,
  );
  const page = rows.slice(0, query.limit);
  const names = await apiNames([...new Set(page.flatMap((r) => (r.api_id ? [r.api_id] : [])))]);
  return {
    items: page.map((row) => toRequestLogItem(row, names)),
    nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!) : null,
  };
}

function toRequestLogItem(row: LogRow, apiNames: Map<string, string>): RequestLogItem {
  return {
    t: row.t.toISOString(),
    requestId: row.request_id,
    traceId: row.trace_id,
    gatewayId: row.gateway_id,
    method: row.method,
    path: row.path,
    apiId: row.api_id,
    apiName: row.api_id ? (apiNames.get(row.api_id) ?? null) : null,
    operation: row.operation,
    productId: row.product_id,
    subscriptionId: row.subscription_id,
    userId: row.user_id,
    clientId: row.client_id,
    clientIp: row.client_ip,
    status: row.status,
    reason: row.reason,
    errorCode: row.error_code,
    latencyMs: row.latency_ms,
    upstreamMs: row.upstream_ms,
    bytesIn: Number(row.bytes_in),
    bytesOut: Number(row.bytes_out),
    userAgent: row.user_agent,
  };
}
