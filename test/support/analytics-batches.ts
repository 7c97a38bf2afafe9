// Synthetic gateway analytics batches for ingestion tests: valid records with what a test
// cares about overridden, and direct reads of the analytics schema.
import { randomBytes, randomUUID } from "node:crypto";
import type { AnalyticsBatch, AnalyticsRecord } from "@portcullis/gateway/contract/analytics-record";
import { analyticsDb } from "@/lib/analytics/analytics-db";

export function analyticsRecord(overrides: Partial<AnalyticsRecord> = {}): AnalyticsRecord {
  return {
    t: Date.now(),
    requestId: randomUUID(),
    traceId: randomBytes(16).toString("hex"),
    method: "GET",
    path: "/demo/hello",
    apiId: "api-demo",
    operation: "GET /hello",
    productId: null,
    subscriptionId: null,
    clientId: null,
    clientIp: "203.0.113.7",
    status: 200,
    reason: null,
    errorCode: null,
    latencyMs: 12.5,
    upstreamMs: 10,
    bytesIn: 0,
    bytesOut: 120,
    userAgent: "curl/8.5.0",
    ...overrides,
  };
}

export function analyticsBatch(gatewayId: string, records: AnalyticsRecord[]): AnalyticsBatch {
  return { batchId: randomUUID(), gatewayId, records };
}

/** A gateway id no other test uses: rollup rows keyed by gateway stay this test's own. */
export const uniqueGatewayId = (tag = "gw") => `${tag}-${randomBytes(4).toString("hex")}`;

export async function analyticsRows<T extends Record<string, unknown>>(sql: string, values: unknown[] = []): Promise<T[]> {
  return (await analyticsDb().query<T>(sql, values)).rows;
}
