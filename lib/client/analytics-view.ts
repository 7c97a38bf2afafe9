// What an analytics page shows, kept in the URL's search params so a view can be shared or
// bookmarked: the time range (a preset relative to now, or custom from/to), the bucket
// interval and the filters. Pure functions, so the pages and their tests read them alike.
import type { AnalyticsInterval } from "@/lib/analytics/analytics-schemas";
import type { AnalyticsFilters } from "./query-keys";

export const rangePresets = [
  { value: "15m", label: "Last 15 minutes", ms: 15 * 60_000 },
  { value: "1h", label: "Last hour", ms: 3_600_000 },
  { value: "1d", label: "Last day", ms: 86_400_000 },
  { value: "7d", label: "Last 7 days", ms: 7 * 86_400_000 },
  { value: "30d", label: "Last 30 days", ms: 30 * 86_400_000 },
] as const;
export type RangePreset = (typeof rangePresets)[number]["value"];
export type RangeChoice = RangePreset | "custom";

export const intervalMs: Record<AnalyticsInterval, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** The filters of every analytics query, in the order the filter bar lists them. */
export const filterKeys = ["apiId", "operation", "productId", "subscriptionId", "userId", "gatewayId"] as const;
export type FilterKey = (typeof filterKeys)[number];
export type ViewFilters = Partial<Record<FilterKey, string>>;

export const filterLabels: Record<FilterKey, string> = {
  apiId: "API",
  operation: "Operation",
  productId: "Product",
  subscriptionId: "Subscription",
  userId: "Developer",
  gatewayId: "Gateway",
};

export type AnalyticsView = {
  range: RangeChoice;
  /** ISO instants, only for range "custom". */
  from?: string;
  to?: string;
  /** Absent: the server picks one that fits the range. */
  interval?: AnalyticsInterval;
  filters: ViewFilters;
};

const DEFAULT_RANGE: RangePreset = "1h";
/** Relative ranges up to a day refresh themselves; longer ones barely move in 10 s. */
export const LIVE_REFRESH_MS = 10_000;
const LIVE_MAX_MS = 86_400_000;

const isPreset = (value: string | null): value is RangePreset => rangePresets.some((p) => p.value === value);
const isInterval = (value: string | null): value is AnalyticsInterval => value === "minute" || value === "hour" || value === "day";
const validInstant = (value: string | null) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined);

type Params = { get(name: string): string | null };

/** Unknown or broken params fall back to the last hour, unfiltered; a custom range needs both ends. */
export function viewFromParams(params: Params): AnalyticsView {
  const filters: ViewFilters = {};
  for (const key of filterKeys) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const interval = params.get("interval");
  const base = { filters, interval: isInterval(interval) ? interval : undefined };
  const range = params.get("range");
  if (range === "custom") {
    const from = validInstant(params.get("from"));
    const to = validInstant(params.get("to"));
    if (from && to && from < to) return { ...base, range, from, to };
  }
  return { ...base, range: isPreset(range) ? range : DEFAULT_RANGE };
}

/** The search params of a view; `extra` keeps a page's own params (the request log's search). */
export function viewToParams(view: AnalyticsView, extra: Record<string, string | undefined> = {}): URLSearchParams {
  const params = new URLSearchParams();
  params.set("range", view.range);
  if (view.range === "custom" && view.from && view.to) {
    params.set("from", view.from);
    params.set("to", view.to);
  }
  if (view.interval) params.set("interval", view.interval);
  for (const key of filterKeys) if (view.filters[key]) params.set(key, view.filters[key]);
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  return params;
}

/** The instants a view covers at `now`. */
export function resolveRange(view: AnalyticsView, now: number): { from: string; to: string } {
  if (view.range === "custom" && view.from && view.to) return { from: view.from, to: view.to };
  const preset = rangePresets.find((p) => p.value === view.range) ?? rangePresets[1];
  return { from: new Date(now - preset.ms).toISOString(), to: new Date(now).toISOString() };
}

/**
 * What the hooks of use-analytics.ts take: a preset travels as `lastMs` (resolved when each
 * request leaves, so a refresh keeps its cache entry), a custom range as from/to.
 */
export function toQueryFilters(view: AnalyticsView): AnalyticsFilters {
  const preset = rangePresets.find((p) => p.value === view.range);
  const range = view.range === "custom" || !preset ? resolveRange(view, Date.now()) : { lastMs: preset.ms };
  return { ...range, ...view.filters };
}

/** The span of a view in ms (for the intervals it allows). */
export function spanOf(view: AnalyticsView): number {
  const { from, to } = resolveRange(view, 0);
  return Date.parse(to) - Date.parse(from);
}

/** Auto-refresh: a range that ends now and is short enough for new requests to show. */
export function isLive(view: AnalyticsView): boolean {
  const preset = rangePresets.find((p) => p.value === view.range);
  return Boolean(preset && preset.ms <= LIVE_MAX_MS);
}

/** The intervals the server accepts for a range of `spanMs` (minute up to 2 days, hour up to 90). */
export function allowedIntervals(spanMs: number): AnalyticsInterval[] {
  const allowed: AnalyticsInterval[] = [];
  if (spanMs <= 2 * 86_400_000) allowed.push("minute");
  if (spanMs <= 90 * 86_400_000) allowed.push("hour");
  allowed.push("day");
  return allowed;
}

/** Drill-down from a chart's bucket: that bucket as a custom range, filters kept. */
export function bucketView(view: AnalyticsView, bucketStart: string, interval: AnalyticsInterval): AnalyticsView {
  const start = Date.parse(bucketStart);
  return { ...view, range: "custom", from: new Date(start).toISOString(), to: new Date(start + intervalMs[interval]).toISOString(), interval: undefined };
}

/** A view with one filter set (a drill-down) or cleared (undefined); clearing an API clears its operation. */
export function withFilter(view: AnalyticsView, key: FilterKey, value: string | undefined): AnalyticsView {
  const filters = { ...view.filters, [key]: value };
  if (key === "apiId" && value !== view.filters.apiId) delete filters.operation;
  if (!value) delete filters[key];
  return { ...view, filters };
}
