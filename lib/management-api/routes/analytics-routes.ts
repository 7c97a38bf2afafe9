// OpenAPI entries for /analytics: what the gateways recorded, as series, top lists and a request log.
import {
  requestLogPageSchema,
  requestLogQuerySchema,
  requestSeriesQuerySchema,
  requestSeriesSchema,
  topListSchema,
  topQuerySchema,
} from "@/lib/analytics/analytics-schemas";
import { routeDocs } from "../route-doc";

const tag = "Analytics";
const scope = "Developers read only requests made with their own subscriptions: another developer's userId or subscriptionId answers empty.";
const ranges =
  "The range defaults to the last hour. 400 bad_request when `from` is not before `to`, or the interval is too fine for the range (minute: at most 2 days, hour: at most 90 days).";

export const analyticsRoutes = routeDocs([
  {
    method: "get",
    path: "/analytics/requests",
    operationId: "getRequestSeries",
    summary: "Requests over time: counts, errors, p50/p95/p99 latency and bytes per bucket",
    description: `The interval defaults to one giving 30-360 points (minutes up to 6 hours, hours up to 14 days, days beyond); the range is widened to whole buckets and the answer says which. Every bucket is present, empty ones with count 0. Percentiles are read from merged latency histograms (within ±9 %), never averaged. ${ranges} ${scope}`,
    tag,
    query: requestSeriesQuerySchema,
    response: { status: 200, description: "The series and its totals", schema: requestSeriesSchema },
  },
  {
    method: "get",
    path: "/analytics/top",
    operationId: "getAnalyticsTop",
    summary: "The largest APIs, operations, products, subscriptions, developers, statuses, reasons or gateways by requests",
    description: `Requests without a value for the dimension (no API matched, no subscription, not refused) are not listed. Counts, errors and p95 are exact; over ranges longer than 6 hours without filters, which subscriptions, developers, APIs, operations and products are listed is chosen from each hour's 200 busiest. ${ranges} ${scope}`,
    tag,
    query: topQuerySchema,
    response: { status: 200, description: "The top list, largest first", schema: topListSchema },
  },
  {
    method: "get",
    path: "/analytics/requests/log",
    operationId: "listRequestLog",
    summary: "Recorded requests, newest first, a page at a time",
    description: `Kept for the workspace's analytics.rawRetentionDays. Filters by status (exact or class), reason, request id, trace id and the common filters. Cursor paging: pass \`nextCursor\` as \`cursor\`. ${ranges} ${scope}`,
    tag,
    query: requestLogQuerySchema,
    response: { status: 200, description: "A page of requests", schema: requestLogPageSchema },
  },
]);
