// What a gateway records about each request it answers (refusals included) and how
// the records travel: in batches, one BullMQ job per batch on their own queue, so
// each batch is taken by exactly one ingester (unlike the config broadcast, which
// every gateway must see). The ingester (lib/analytics/ingest/) validates a job with
// analyticsBatchSchema and counts a batchId once, however often it is delivered.
//
// The gateway sends what it saw; the ingester derives the rest: the developer who
// owns the subscription, the client IP as the workspace's privacy setting wants it
// (truncated, hashed or dropped), the user agent's family.
import { z } from "zod";

/** Largest batch a gateway sends; the ingester refuses a job with more. */
export const MAX_ANALYTICS_BATCH = 5000;

export const analyticsRecordSchema = z.object({
  /** When the request arrived, ms since epoch. */
  t: z.number().int().nonnegative(),
  requestId: z.string().min(1).max(200),
  /** W3C trace id (32 hex) the request belongs to. */
  traceId: z.string().regex(/^[0-9a-f]{32}$/).nullable(),
  method: z.string().min(1).max(16),
  /** Path without the query string (it may carry a subscription key), at most 2048 characters. */
  path: z.string().max(2048),
  apiId: z.string().max(200).nullable(),
  /** The matched operation as "METHOD /path/{template}" (relative to the API's path); null when none matched. */
  operation: z.string().max(2100).nullable(),
  productId: z.string().max(200).nullable(),
  subscriptionId: z.string().max(200).nullable(),
  /** The realm client of a verified JWT (azp, else client_id); null without one. */
  clientId: z.string().max(200).nullable(),
  /** The caller's address as the gateway saw it; the ingester applies the privacy setting before storing. */
  clientIp: z.string().max(64).nullable(),
  status: z.number().int().min(100).max(599),
  /** Why the gateway answered itself (observability/rejection-reasons.ts); null when the backend answered. */
  reason: z.string().max(32).nullable(),
  /** The error code the gateway answered with (e.g. rate_limited); null when the backend answered. */
  errorCode: z.string().max(64).nullable(),
  /** Arrival to the end of the answer. */
  latencyMs: z.number().nonnegative(),
  /** Sending to the backend to its response headers; null when no backend was called. */
  upstreamMs: z.number().nonnegative().nullable(),
  bytesIn: z.number().int().nonnegative(),
  bytesOut: z.number().int().nonnegative(),
  /** The User-Agent header, at most 256 characters; the ingester keeps only its family. */
  userAgent: z.string().max(256).nullable(),
});
export type AnalyticsRecord = z.infer<typeof analyticsRecordSchema>;

export const analyticsBatchSchema = z.object({
  /** Unique per batch (UUID); also the BullMQ job id, so a re-sent batch is one job. */
  batchId: z.uuid(),
  gatewayId: z.string().min(1).max(200),
  records: z.array(analyticsRecordSchema).min(1).max(MAX_ANALYTICS_BATCH),
});
export type AnalyticsBatch = z.infer<typeof analyticsBatchSchema>;

/** Where the batches travel: a BullMQ queue under the config channel's prefix. */
export function analyticsChannelNames(prefix: string) {
  return {
    queueName: "analytics-records",
    bullPrefix: prefix,
    jobName: "batch",
  } as const;
}
