// Analytics for the dashboards: the request series, the top lists and the request log
// (GET /api/v1/analytics/*). A moving range (`lastMs`) is turned into from/to when each
// request leaves, so auto-refresh reuses one cache entry and always asks for "now".
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { AnalyticsInterval, RequestLogItem, RequestSeries, TopDimension, TopList } from "@/lib/analytics/analytics-schemas";
import type { Page } from "@/lib/client/api-types";
import { apiFetch, withQuery } from "./api-client";
import { queryKeys, type AnalyticsFilters } from "./query-keys";
import { DEFAULT_PAGE_SIZE } from "./use-paged-list";

export type { AnalyticsFilters } from "./query-keys";

type Refresh = { enabled?: boolean; /** Poll every so many ms (short ranges); off by default. */ refetchIntervalMs?: number };

/** The query string of `filters`, with a moving range resolved against the clock now. */
export function analyticsParams(filters: AnalyticsFilters, now = Date.now()): Record<string, string | undefined> {
  const { lastMs, ...rest } = filters;
  const moving = lastMs !== undefined && !filters.from;
  return {
    ...rest,
    from: moving ? new Date(now - lastMs).toISOString() : filters.from,
    to: moving && !filters.to ? new Date(now).toISOString() : filters.to,
  };
}

/** Requests over time with errors, p50/p95/p99 and bytes per bucket, plus the range's totals. */
export function useRequestSeries(filters: AnalyticsFilters & { interval?: AnalyticsInterval }, { enabled = true, refetchIntervalMs }: Refresh = {}) {
  return useQuery({
    queryKey: queryKeys.analytics.series(filters),
    queryFn: () => apiFetch<RequestSeries>(withQuery("/api/v1/analytics/requests", { ...analyticsParams(filters), interval: filters.interval })),
    enabled,
    refetchInterval: refetchIntervalMs,
    // Keep the previous chart on screen while a new range or filter loads.
    placeholderData: (previous) => previous,
  });
}

/** The largest values of one dimension (APIs, operations, subscriptions, developers, statuses, reasons, gateways). */
export function useTopList(dimension: TopDimension, filters: AnalyticsFilters & { limit?: number }, { enabled = true, refetchIntervalMs }: Refresh = {}) {
  return useQuery({
    queryKey: queryKeys.analytics.top(dimension, filters),
    queryFn: () =>
      apiFetch<TopList>(
        withQuery("/api/v1/analytics/top", { ...analyticsParams(filters), dimension, limit: filters.limit === undefined ? undefined : String(filters.limit) }),
      ),
    enabled,
    refetchInterval: refetchIntervalMs,
    placeholderData: (previous) => previous,
  });
}

export type RequestLogFilters = AnalyticsFilters & { status?: string; reason?: string; requestId?: string; traceId?: string };

type LogPage = Page<RequestLogItem> & { window: Record<string, string | undefined> };
type LogPageParam = { cursor: string; window: Record<string, string | undefined> } | null;

/**
 * Recorded requests, newest first, a page at a time. The range is resolved once for the
 * first page and carried to the next ones, so paging a moving range neither skips nor repeats.
 */
export function useRequestLog(filters: RequestLogFilters, { enabled = true, pageSize = DEFAULT_PAGE_SIZE }: { enabled?: boolean; pageSize?: number } = {}) {
  const query = useInfiniteQuery({
    queryKey: [...queryKeys.analytics.log({ ...filters, limit: pageSize })],
    queryFn: async ({ pageParam }: { pageParam: LogPageParam }): Promise<LogPage> => {
      const window = pageParam?.window ?? analyticsParams(filters);
      const page = await apiFetch<Page<RequestLogItem>>(
        withQuery("/api/v1/analytics/requests/log", { ...window, limit: String(pageSize), cursor: pageParam?.cursor }),
      );
      return { ...page, window };
    },
    initialPageParam: null as LogPageParam,
    getNextPageParam: (last): LogPageParam | undefined => (last.nextCursor ? { cursor: last.nextCursor, window: last.window } : undefined),
    enabled,
  });
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  return Object.assign(query, { items });
}
