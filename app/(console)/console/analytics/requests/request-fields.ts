// Every field of a recorded request, in the order the detail page and the CSV list them.
import type { RequestLogItem } from "@/lib/analytics/analytics-schemas";

export const requestLogFields: { key: keyof RequestLogItem; label: string }[] = [
  { key: "t", label: "Time" },
  { key: "requestId", label: "Request id" },
  { key: "traceId", label: "Trace id" },
  { key: "gatewayId", label: "Gateway" },
  { key: "method", label: "Method" },
  { key: "path", label: "Path" },
  { key: "apiId", label: "API id" },
  { key: "apiName", label: "API" },
  { key: "operation", label: "Operation" },
  { key: "productId", label: "Product id" },
  { key: "subscriptionId", label: "Subscription id" },
  { key: "userId", label: "Developer id" },
  { key: "clientId", label: "Realm client" },
  { key: "clientIp", label: "Client IP" },
  { key: "status", label: "Status" },
  { key: "reason", label: "Rejection reason" },
  { key: "errorCode", label: "Error code" },
  { key: "latencyMs", label: "Latency (ms)" },
  { key: "upstreamMs", label: "Upstream (ms)" },
  { key: "bytesIn", label: "Bytes in" },
  { key: "bytesOut", label: "Bytes out" },
  { key: "userAgent", label: "User agent" },
];

/** The detail page of one request; `at` narrows the search to its instant. */
export function requestHref(item: Pick<RequestLogItem, "requestId" | "t">): string {
  return `/console/analytics/requests/${encodeURIComponent(item.requestId)}?at=${encodeURIComponent(item.t)}`;
}
