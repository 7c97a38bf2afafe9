"use client";
// My usage: calls, errors and latency of the developer's own subscriptions over a chosen
// range, narrowed to one subscription or one API, with the breakdown per subscription and
// per API. The same charts as the console's analytics; the view lives in the URL.
import { useMemo } from "react";
import type { TopItem } from "@/lib/analytics/analytics-schemas";
import { LatencyChart } from "@/components/analytics/latency-chart";
import { RequestsChart } from "@/components/analytics/requests-chart";
import { TimeRangePicker } from "@/components/analytics/time-range-picker";
import { TopTable, type TopDrill } from "@/components/analytics/top-table";
import { TotalsCards } from "@/components/analytics/totals-cards";
import { useUrlView } from "@/components/analytics/use-url-view";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { LIVE_REFRESH_MS, isLive, toQueryFilters, withFilter, type AnalyticsView } from "@/lib/client/analytics-view";
import { useRequestSeries, useTopList } from "@/lib/client/use-analytics";
import { useSubscriptions } from "@/lib/client/use-subscriptions";

type Narrowing = "subscriptionId" | "apiId";

export function MyUsageClient({ userId }: { userId: string }) {
  const { view: urlView, setView } = useUrlView();
  // Only the two filters this page offers; the owner is always the signed-in user.
  const view: AnalyticsView = useMemo(
    () => ({ ...urlView, filters: { subscriptionId: urlView.filters.subscriptionId, apiId: urlView.filters.apiId } }),
    [urlView],
  );
  const filters = useMemo(() => ({ ...toQueryFilters(view), userId }), [view, userId]);
  const refresh = { refetchIntervalMs: isLive(view) ? LIVE_REFRESH_MS : undefined };
  const series = useRequestSeries({ ...filters, interval: view.interval }, refresh);
  const bySubscription = useTopList("subscription", { ...filters, limit: 20 }, refresh);
  const byApi = useTopList("api", { ...filters, limit: 20 }, refresh);
  const subscriptions = useSubscriptions({ userId });
  // The API choices: those called in the range (with the chosen one kept even when idle).
  const apis: TopItem[] = byApi.data?.items ?? [];

  const narrow = (key: Narrowing, value: string | undefined) => setView(withFilter(view, key, value));
  const drill = (key: Narrowing, what: string): TopDrill => ({
    describe: (item) => `Show only ${what} ${item.label || item.key}`,
    onSelect: (item) => narrow(key, item.key),
  });

  return (
    <>
      <PageHeader title="My usage" description="Calls, errors and latency of your subscriptions, as the gateway recorded them." />
      <Card title="What to show" id="usage-view">
        <TimeRangePicker view={view} onChange={setView} />
        <div className="form-row">
          <Select label="Subscription" value={view.filters.subscriptionId ?? ""} onChange={(e) => narrow("subscriptionId", e.target.value || undefined)}>
            <option value="">All my subscriptions</option>
            {subscriptions.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.state})
              </option>
            ))}
          </Select>
          <Select label="API" value={view.filters.apiId ?? ""} onChange={(e) => narrow("apiId", e.target.value || undefined)}>
            <option value="">All APIs</option>
            {view.filters.apiId && !apis.some((a) => a.key === view.filters.apiId) && (
              <option value={view.filters.apiId}>{view.filters.apiId}</option>
            )}
            {apis.map((a) => (
              <option key={a.key} value={a.key}>
                {a.label || a.key}
              </option>
            ))}
          </Select>
        </div>
        <ErrorBanner error={subscriptions.error} title="Could not list your subscriptions" />
      </Card>
      <ErrorBanner error={series.error} title="Could not load your usage" />
      <TotalsCards totals={series.data?.totals} label="Totals for the range" />
      <div className="analytics-grid">
        <RequestsChart series={series.data} />
        <LatencyChart series={series.data} />
      </div>
      <div className="analytics-grid">
        <TopTable
          title="Per subscription"
          column="Subscription"
          list={bySubscription.data}
          error={bySubscription.error}
          drill={drill("subscriptionId", "subscription")}
          current={view.filters.subscriptionId}
        />
        <TopTable title="Per API" column="API" list={byApi.data} error={byApi.error} drill={drill("apiId", "API")} current={view.filters.apiId} />
      </div>
    </>
  );
}
