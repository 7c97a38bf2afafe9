"use client";
// Recent requests, newest first, a page at a time: searched by status, API, subscription,
// request id or trace id within the view's range and filters (all kept in the URL).
import Link from "next/link";
import type { FormEvent } from "react";
import type { RequestLogItem } from "@/lib/analytics/analytics-schemas";
import { formatMs } from "@/components/analytics/chart-format";
import { DownloadCsvButton } from "@/components/analytics/download-csv-button";
import { FilterBar } from "@/components/analytics/filter-bar";
import { TimeRangePicker } from "@/components/analytics/time-range-picker";
import { useUrlView } from "@/components/analytics/use-url-view";
import { formatDateTime } from "@/components/format";
import { formText } from "@/components/form-data";
import { MethodBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { LoadMore } from "@/components/ui/load-more";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { toQueryFilters as toFilters, viewToParams, withFilter } from "@/lib/client/analytics-view";
import type { CsvColumn } from "@/lib/client/csv";
import { useRequestLog } from "@/lib/client/use-analytics";
import { requestHref, requestLogFields } from "./request-fields";
import { StatusText } from "./status-text";

const searchKeys = ["status", "reason", "requestId", "traceId"] as const;

const csvColumns: CsvColumn<RequestLogItem>[] = requestLogFields.map((f) => ({ header: f.key, value: (item) => item[f.key] }));

export function RequestLogClient() {
  const { view, extra, setView } = useUrlView(searchKeys);
  const log = useRequestLog({ ...toFilters(view), ...extra });

  function search(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const next = withFilter(withFilter(view, "apiId", formText(form, "apiId") || undefined), "subscriptionId", formText(form, "subscriptionId") || undefined);
    setView(next, Object.fromEntries(searchKeys.map((k) => [k, formText(form, k) || undefined])));
  }

  return (
    <>
      <Link href={`/console/analytics?${viewToParams(view).toString()}`} className="back-link">
        ← Analytics
      </Link>
      <PageHeader title="Request log" description="Every recorded request, newest first. Select one for everything recorded about it." />
      <Card title="Search">
        <TimeRangePicker view={view} onChange={(next) => setView(next)} showInterval={false} />
        <FilterBar filters={view.filters} onChange={(key, value) => setView(withFilter(view, key, value))} />
        {/* Keyed by the URL: after a drill-down the fields show the search in force. */}
        <form key={`${viewToParams(view, extra).toString()}`} className="form" onSubmit={search} aria-label="Search requests">
          <div className="form-row">
            <Input label="Status" name="status" defaultValue={extra.status} placeholder="404 or 5xx" />
            <Input label="Rejection reason" name="reason" defaultValue={extra.reason} placeholder="key, rate, quota…" />
            <Input label="API id" name="apiId" defaultValue={view.filters.apiId} />
            <Input label="Subscription id" name="subscriptionId" defaultValue={view.filters.subscriptionId} />
            <Input label="Request id" name="requestId" defaultValue={extra.requestId} />
            <Input label="Trace id" name="traceId" defaultValue={extra.traceId} placeholder="32 hex digits of traceparent" />
          </div>
          <FormFooter submitLabel="Search" />
        </form>
      </Card>
      <ErrorBanner error={log.error} />
      <Card
        title="Requests"
        actions={
          <>
            <Button size="sm" variant="ghost" busy={log.isRefetching} onClick={() => void log.refetch()}>
              Refresh
            </Button>
            <DownloadCsvButton name={["analytics", "requests"]} columns={csvColumns} rows={log.items} of="the requests shown" />
          </>
        }
      >
        <Table
          caption="Requests"
          columns={["Time", "Status", "Request", "API", "Subscription", "Latency", "Reason"]}
          loading={log.isPending && "Loading requests…"}
          empty={log.isSuccess && log.items.length === 0 && "No requests match."}
        >
          {log.items.map((item) => (
            <tr key={`${item.requestId}-${item.t}`}>
              <td>
                <Link href={requestHref(item)} aria-label={`Request ${item.requestId}`}>
                  {formatDateTime(item.t)}
                </Link>
                <span className="cell-sub mono">{item.requestId}</span>
              </td>
              <td>
                <StatusText status={item.status} />
              </td>
              <td>
                <MethodBadge method={item.method} /> <code>{item.path}</code>
              </td>
              <td>{item.apiName ?? item.apiId ?? "—"}</td>
              <td className="mono">{item.subscriptionId ?? "—"}</td>
              <td>{formatMs(item.latencyMs)}</td>
              <td>{item.reason ?? "—"}</td>
            </tr>
          ))}
        </Table>
        <LoadMore list={log} />
      </Card>
    </>
  );
}
