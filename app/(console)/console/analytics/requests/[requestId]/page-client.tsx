"use client";
// Everything recorded about one request. The log is searched by its id around `at` (its
// arrival, carried by the log's link) or, without it, over the last 30 days.
import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import type { RequestLogItem } from "@/lib/analytics/analytics-schemas";
import { formatBytes, formatDateTime } from "@/components/format";
import { formatMs } from "@/components/analytics/chart-format";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { useRequestLog, type RequestLogFilters } from "@/lib/client/use-analytics";
import { requestLogFields } from "../request-fields";
import { StatusText } from "../status-text";

const SLACK_MS = 1000;
const WITHOUT_AT_MS = 30 * 86_400_000;

function windowOf(at: string | undefined): RequestLogFilters {
  const instant = at ? Date.parse(at) : Number.NaN;
  if (Number.isNaN(instant)) return { lastMs: WITHOUT_AT_MS };
  return { from: new Date(instant - SLACK_MS).toISOString(), to: new Date(instant + SLACK_MS).toISOString() };
}

const logHref = (params: Record<string, string>) => `/console/analytics/requests?${new URLSearchParams({ range: "30d", ...params }).toString()}`;

function valueOf(item: RequestLogItem, key: keyof RequestLogItem): ReactNode {
  const value = item[key];
  if (value === null || value === "") return <span className="muted">not recorded</span>;
  switch (key) {
    case "t":
      return `${formatDateTime(item.t)} (${item.t})`;
    case "status":
      return <StatusText status={item.status} />;
    case "latencyMs":
    case "upstreamMs":
      return formatMs(value as number);
    case "bytesIn":
    case "bytesOut":
      return `${formatBytes(value as number)} (${value} B)`;
    case "apiId":
      return <Link href={`/console/apis/${encodeURIComponent(String(value))}`}>{String(value)}</Link>;
    case "productId":
      return <Link href={`/console/products/${encodeURIComponent(String(value))}`}>{String(value)}</Link>;
    case "subscriptionId":
      return <Link href={`/console/subscriptions/${encodeURIComponent(String(value))}`}>{String(value)}</Link>;
    case "traceId":
      return (
        <>
          <code>{String(value)}</code> · <Link href={logHref({ traceId: String(value) })}>requests of this trace</Link>
        </>
      );
    default:
      return <code>{String(value)}</code>;
  }
}

export function RequestDetailClient({ requestId, at }: { requestId: string; at?: string }) {
  const log = useRequestLog({ ...windowOf(at), requestId }, { pageSize: 5 });
  const item = log.items[0];
  const back = (
    <Link href="/console/analytics/requests" className="back-link">
      ← Request log
    </Link>
  );
  if (log.isPending) return <>{back}<p className="muted">Loading request…</p></>;
  if (log.isError) return <>{back}<PageHeader title="Request" /><ErrorBanner error={log.error} /></>;
  if (!item)
    return (
      <>
        {back}
        <PageHeader title="Request not found" />
        <p className="hint-box" role="note">
          No request <code>{requestId}</code> is recorded {at ? "at that time" : "in the last 30 days"}: it may be older than the retention period.
        </p>
      </>
    );
  return (
    <>
      {back}
      <PageHeader title={`${item.method} ${item.path}`} description={`Request ${item.requestId}`} actions={<StatusText status={item.status} />} />
      <Card title="Recorded fields">
        <dl className="details" aria-label="Recorded fields">
          {requestLogFields.map((f) => (
            <Fragment key={f.key}>
              <dt>{f.label}</dt>
              <dd>{valueOf(item, f.key)}</dd>
            </Fragment>
          ))}
        </dl>
      </Card>
    </>
  );
}
