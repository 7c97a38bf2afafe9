// The shapes of /api/v1/analytics/*: the filters every query takes, the series,
// the top lists and the request log. One source for the routes, the OpenAPI
// document and the console's charts (import type only in the browser).
import { z } from "zod";
import { pageOf, pageQueryFields } from "@/lib/http/cursor-page";
import { safeText } from "@/lib/http/safe-text";

export const analyticsIntervals = ["minute", "hour", "day"] as const;
export type AnalyticsInterval = (typeof analyticsIntervals)[number];

export const topDimensions = ["api", "operation", "product", "subscription", "user", "status", "reason", "gateway"] as const;
export type TopDimension = (typeof topDimensions)[number];

const id = () => safeText().min(1).max(200);
const instant = () => z.coerce.date().describe("ISO 8601 date-time");

/** Filters shared by every analytics query; `from` defaults to an hour before `to`, `to` to now. */
export const analyticsFilterFields = {
  from: instant().optional().describe("Start of the range, inclusive (ISO 8601); default: an hour before `to`"),
  to: instant().optional().describe("End of the range, exclusive (ISO 8601); default: now"),
  apiId: id().optional(),
  operation: safeText().min(1).max(2100).optional().describe('An operation of apiId, as "METHOD /path/{template}"'),
  productId: id().optional(),
  subscriptionId: id().optional(),
  userId: id().optional().describe("The developer owning the subscriptions"),
  gatewayId: id().optional().describe("A gateway instance id"),
};

export const analyticsFilterSchema = z.object(analyticsFilterFields);
export type AnalyticsFilterInput = z.infer<typeof analyticsFilterSchema>;

export const requestSeriesQuerySchema = z.object({
  ...analyticsFilterFields,
  interval: z.enum(analyticsIntervals).optional().describe("Bucket width; default: one that gives 30-360 points for the range"),
});

export const topQuerySchema = z.object({
  ...analyticsFilterFields,
  dimension: z.enum(topDimensions).default("api").describe("What to rank (default: api)"),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

export const statusClasses = ["1xx", "2xx", "3xx", "4xx", "5xx"] as const;

export const requestLogQuerySchema = z.object({
  ...analyticsFilterFields,
  ...pageQueryFields,
  status: z
    .union([z.coerce.number().int().min(100).max(599), z.enum(statusClasses)])
    .optional()
    .describe("An exact status (404) or a class (4xx)"),
  reason: safeText().min(1).max(32).optional().describe("Rejection reason (key, jwt, rate, quota, ...)"),
  requestId: safeText().min(1).max(200).optional(),
  traceId: z.string().regex(/^[0-9a-f]{32}$/).optional().describe("W3C trace id (32 hex)"),
});

const percentile = (what: string) => z.number().nullable().describe(`${what} latency in ms (null without requests)`);

/** Figures of one bucket, or of the whole range. */
export const requestFiguresSchema = z.object({
  count: z.number().int().describe("Requests answered"),
  errors: z.number().int().describe("Answers with status >= 400 (refusals included)"),
  clientErrors: z.number().int().describe("Status 4xx"),
  serverErrors: z.number().int().describe("Status 5xx"),
  p50: percentile("Median"),
  p95: percentile("95th percentile"),
  p99: percentile("99th percentile"),
  bytesIn: z.number().int().describe("Request bytes received"),
  bytesOut: z.number().int().describe("Response bytes sent"),
});

export const requestSeriesPointSchema = requestFiguresSchema.extend({ t: z.string().describe("Bucket start (ISO 8601)") });

export const requestSeriesSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    interval: z.enum(analyticsIntervals),
    series: z.array(requestSeriesPointSchema).describe("One point per bucket in the range, empty buckets included (count 0)"),
    totals: requestFiguresSchema.describe("The whole range (percentiles merged from histograms, not averaged)"),
  })
  .meta({ id: "AnalyticsRequestSeries" });

export const topItemSchema = z.object({
  key: z.string().describe("The dimension's value (API id, operation, status code, ...)"),
  label: z.string().describe("What to show for it (API name, developer's email, ...)"),
  apiId: z.string().optional().describe("Operation items: the API the operation belongs to (the same text may exist in several APIs)"),
  count: z.number().int(),
  errors: z.number().int(),
  p95: percentile("95th percentile"),
});

export const topListSchema = z
  .object({ dimension: z.enum(topDimensions), items: z.array(topItemSchema).describe("By count, largest first") })
  .meta({ id: "AnalyticsTopList" });

export const requestLogItemSchema = z.object({
  t: z.string().describe("Arrival (ISO 8601)"),
  requestId: z.string(),
  traceId: z.string().nullable(),
  gatewayId: z.string(),
  method: z.string(),
  path: z.string(),
  apiId: z.string().nullable(),
  apiName: z.string().nullable(),
  operation: z.string().nullable(),
  productId: z.string().nullable(),
  subscriptionId: z.string().nullable(),
  userId: z.string().nullable(),
  clientId: z.string().nullable().describe("Realm client of a verified JWT"),
  clientIp: z.string().nullable().describe("As the workspace's privacy setting keeps it (truncated, hashed or none)"),
  status: z.number().int(),
  reason: z.string().nullable().describe("Why the gateway refused it or failed; null when the backend answered"),
  errorCode: z.string().nullable(),
  latencyMs: z.number(),
  upstreamMs: z.number().nullable(),
  bytesIn: z.number().int(),
  bytesOut: z.number().int(),
  userAgent: z.string().nullable().describe("User agent family (curl, Chrome, python-requests, ...)"),
});

export const requestLogPageSchema = pageOf(requestLogItemSchema, "AnalyticsRequestLogPage", "Newest first");

export type RequestSeriesQuery = z.infer<typeof requestSeriesQuerySchema>;
export type TopQuery = z.infer<typeof topQuerySchema>;
export type RequestLogQuery = z.infer<typeof requestLogQuerySchema>;
export type RequestFigures = z.infer<typeof requestFiguresSchema>;
export type RequestSeries = z.infer<typeof requestSeriesSchema>;
export type TopItem = z.infer<typeof topItemSchema>;
export type TopList = z.infer<typeof topListSchema>;
export type RequestLogItem = z.infer<typeof requestLogItemSchema>;
