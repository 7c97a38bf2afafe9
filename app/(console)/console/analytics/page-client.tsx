"use client";
// The analytics overview: totals, requests, latency and bandwidth over time, and the top
// lists. The view (range, interval, filters) lives in the URL; every chart drills down,
// either by adding a filter (API → its operations) or by opening the request log.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import type { TopDimension, TopItem, TopList } from "@/lib/analytics/analytics-schemas";
import { BandwidthChart } from "@/components/analytics/bandwidth-chart";
import { FilterBar } from "@/components/analytics/filter-bar";
import { LatencyChart } from "@/components/analytics/latency-chart";
import { RequestsChart } from "@/components/analytics/requests-chart";
import { TimeRangePicker } from "@/components/analytics/time-range-picker";
import { TopTable, type TopDrill } from "@/components/analytics/top-table";
import { TotalsCards } from "@/components/analytics/totals-cards";
import { requestLogHref, useUrlView } from "@/components/analytics/use-url-view";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/field";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { LIVE_REFRESH_MS, bucketView, isLive, toQueryFilters, withFilter, type AnalyticsView, type FilterKey } from "@/lib/client/analytics-view";
import { useRequestSeries, useTopList } from "@/lib/client/use-analytics";

/** Each top list: its heading, and either the filter it sets or the request-log search it opens. */
const tops: { dimension: TopDimension; title: string; column: string; filter?: FilterKey; logParam?: string }[] = [
  { dimension: "api", title: "Top APIs", column: "API", filter: "apiId" },
  { dimension: "operation", title: "Top operations", column: "Operation", filter: "operation" },
  { dimension: "product", title: "Top products", column: "Product", filter: "productId" },
  { dimension: "subscription", title: "Top subscriptions", column: "Subscription", filter: "subscriptionId" },
  { dimension: "user", title: "Top developers", column: "Developer", filter: "userId" },
  { dimension: "status", title: "Status codes", column: "Status", logParam: "status" },
  { dimension: "reason", title: "Rejections by reason", column: "Reason", logParam: "reason" },
  { dimension: "gateway", title: "Gateways", column: "Gateway", filter: "gatewayId" },
];

type Top = (typeof tops)[number];

function drillOf(top: Top, view: AnalyticsView, onFilter: (key: FilterKey, value: string) => void): TopDrill {
  const { filter, logParam = "" } = top;
  // An operation is the last step: its requests, in the log (as a filter it would leave one row).
  if (filter && filter !== "operation") return { describe: (i) => `Filter by ${top.column} ${i.label || i.key}`, onSelect: (i) => onFilter(filter, i.key) };
  return {
    describe: (i) => `Requests with ${top.column} ${i.label || i.key}`,
    // An operation's item names its API (the same text may exist in several).
    href: (i) => (filter ? requestLogHref(withFilter(withFilter(view, "apiId", i.apiId ?? view.filters.apiId), filter, i.key)) : requestLogHref(view, { [logParam]: i.key })),
  };
}

export function AnalyticsOverviewClient() {
  const router = useRouter();
  const { view, setView } = useUrlView();
  const [autoRefresh, setAutoRefresh] = useState(true);
  const refresh = autoRefresh && isLive(view) ? LIVE_REFRESH_MS : undefined;
  const filters = useMemo(() => toQueryFilters(view), [view]);
  const series = useRequestSeries({ ...filters, interval: view.interval }, { refetchIntervalMs: refresh });
  const q = { ...filters, limit: 10 };
  const o = { refetchIntervalMs: refresh };
  const lists: Record<TopDimension, UseQueryResult<TopList>> = {
    api: useTopList("api", q, o),
    operation: useTopList("operation", q, o),
    product: useTopList("product", q, o),
    subscription: useTopList("subscription", q, o),
    user: useTopList("user", q, o),
    status: useTopList("status", q, o),
    reason: useTopList("reason", q, o),
    gateway: useTopList("gateway", q, o),
  };
  // Names for the filter chips: the top list of a filtered dimension holds the filtered value.
  const known = Object.fromEntries(tops.filter((t) => t.filter).map((t) => [t.filter, lists[t.dimension].data?.items])) as Partial<Record<FilterKey, TopItem[]>>;

  const openBucket = (t: string) => router.push(requestLogHref(bucketView(view, t, series.data?.interval ?? "minute")));
  const setFilter = (key: FilterKey, value: string | undefined) => setView(withFilter(view, key, value));

  return (
    <>
      <PageHeader
        title="Analytics"
        description="Every request the gateways answered, refusals included, usually on screen within seconds."
        actions={
          <Link className="btn btn-secondary" href={requestLogHref(view)}>
            Request log
          </Link>
        }
      />
      <Card title="View">
        <TimeRangePicker view={view} onChange={setView} />
        {isLive(view) && (
          <Checkbox label={`Refresh every ${LIVE_REFRESH_MS / 1000} s`} checked={autoRefresh} onChange={(e) => setAutoRefresh(e.target.checked)} />
        )}
        <FilterBar filters={view.filters} onChange={setFilter} known={known} />
      </Card>
      <ErrorBanner error={series.error} title="Could not load the series" />
      <TotalsCards totals={series.data?.totals} />
      <div className="analytics-grid">
        <RequestsChart series={series.data} onSelectBucket={openBucket} />
        <LatencyChart series={series.data} onSelectBucket={openBucket} />
        <BandwidthChart series={series.data} />
      </div>
      <h2 className="analytics-section-title">Top lists</h2>
      <div className="analytics-grid">
        {tops.map((top) => (
          <TopTable
            key={top.dimension}
            title={top.title}
            column={top.column}
            list={lists[top.dimension].data}
            error={lists[top.dimension].error}
            drill={drillOf(top, view, setFilter)}
            current={top.filter ? view.filters[top.filter] : undefined}
          />
        ))}
      </div>
    </>
  );
}
