// How the analytics charts and tables write times, latencies and rates (numbers and sizes
// come from components/format.ts). Times are the viewer's local time; buckets are UTC.
import type { AnalyticsInterval } from "@/lib/analytics/analytics-schemas";
import { formatCount } from "@/components/format";

const pad = (n: number) => String(n).padStart(2, "0");

/** "14:05" for minutes and hours, "12-02 14:00" across days, "2026-12-02" for days. */
export function formatBucket(iso: string, interval: AnalyticsInterval, spansDays = false): string {
  const d = new Date(iso);
  const day = `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (interval === "day") return `${d.getFullYear()}-${day}`;
  return spansDays ? `${day} ${time}` : time;
}

/** "3.2 ms", "120 ms", "1,250 ms"; "—" without requests. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${formatCount(Math.round(ms))} ms`;
}

/** The share of `part` in `whole` as a number (2 decimals), null when nothing was counted. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 100 : null;
}

/** "2.5 %"; "—" for none. */
export function formatRate(value: number | null): string {
  return value === null ? "—" : `${value.toLocaleString("en", { maximumFractionDigits: 2 })} %`;
}

/** Fixed colours that read on white and in print; every series also has a name and a pattern. */
export const chartColors = {
  ok: "#3046c5",
  clientError: "#c98a00",
  serverError: "#b42332",
  rate: "#1b2033",
  p50: "#147a45",
  p95: "#3046c5",
  p99: "#b42332",
  bytesIn: "#0b6a8a",
  bytesOut: "#8a4fc5",
} as const;
