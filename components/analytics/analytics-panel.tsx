"use client";
// The "Traffic" card of one API, product or subscription: the same charts as the overview,
// scoped by fixed filters, with its own range (not in the URL: the page has its own state).
// The portal reuses it for a developer's own subscriptions with `consoleLinks` off.
import Link from "next/link";
import { useMemo, useState } from "react";
import type { TopDimension } from "@/lib/analytics/analytics-schemas";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { LIVE_REFRESH_MS, isLive, toQueryFilters, viewToParams, withFilter, type AnalyticsView, type ViewFilters } from "@/lib/client/analytics-view";
import { useRequestSeries, useTopList } from "@/lib/client/use-analytics";
import { LatencyChart } from "./latency-chart";
import { RequestsChart } from "./requests-chart";
import { TimeRangePicker } from "./time-range-picker";
import { TopTable, type TopDrill } from "./top-table";
import { TotalsCards } from "./totals-cards";
import { requestLogHref } from "./use-url-view";

type Props = {
  /** What the panel is about: { apiId }, { productId }, { subscriptionId }, ... */
  fixed: ViewFilters;
  /** The breakdown shown under the charts (an API's operations, a product's APIs). */
  top: { dimension: TopDimension; title: string; column: string };
  title?: string;
  /** Links to the console's analytics pages and request log (off in the portal). */
  consoleLinks?: boolean;
};

export function AnalyticsPanel({ fixed, top, title = "Traffic", consoleLinks = true }: Props) {
  const [view, setView] = useState<AnalyticsView>({ range: "1d", filters: fixed });
  const scoped = useMemo(() => ({ ...view, filters: { ...view.filters, ...fixed } }), [view, fixed]);
  const filters = useMemo(() => toQueryFilters(scoped), [scoped]);
  const refresh = { refetchIntervalMs: isLive(scoped) ? LIVE_REFRESH_MS : undefined };
  const series = useRequestSeries({ ...filters, interval: scoped.interval }, refresh);
  const list = useTopList(top.dimension, { ...filters, limit: 10 }, refresh);

  const key = top.dimension === "operation" ? "operation" : top.dimension === "api" ? "apiId" : undefined;
  const drill: TopDrill | undefined =
    consoleLinks && key ? { describe: (i) => `Requests with ${top.column} ${i.label || i.key}`, href: (i) => requestLogHref(withFilter(withFilter(scoped, "apiId", i.apiId ?? scoped.filters.apiId), key, i.key)) } : undefined;

  return (
    <Card
      title={title}
      actions={
        consoleLinks && (
          <Link className="btn btn-secondary btn-sm" href={`/console/analytics?${viewToParams(scoped).toString()}`}>
            Open in Analytics
          </Link>
        )
      }
    >
      <TimeRangePicker view={scoped} onChange={(next) => setView({ ...next, filters: fixed })} />
      <ErrorBanner error={series.error ?? list.error} />
      <TotalsCards totals={series.data?.totals} label={`${title} totals`} />
      <div className="analytics-grid">
        <RequestsChart series={series.data} />
        <LatencyChart series={series.data} />
      </div>
      <TopTable title={top.title} column={top.column} list={list.data} error={list.error} drill={drill} />
    </Card>
  );
}
