// The time range of an analytics query: defaults, the interval that fits, the limits that
// keep an answer small, and alignment to whole buckets. Rollups hold whole minutes, hours
// and days, so a range is widened to the buckets it touches (from rounded down, to up)
// and the answer says which range it covers.
import type { AnalyticsInterval } from "@/lib/analytics/analytics-schemas";
import { ApiError } from "@/lib/http/errors";

export const UNIT_MS: Record<AnalyticsInterval, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
const HOUR = UNIT_MS.hour;
const DAY = UNIT_MS.day;

/** The longest range each interval may cover: a few hundred to a few thousand points at most. */
const MAX_SPAN: Record<AnalyticsInterval, { ms: number; text: string }> = {
  minute: { ms: 2 * DAY, text: "2 days" },
  hour: { ms: 90 * DAY, text: "90 days" },
  day: { ms: 5 * 366 * DAY, text: "5 years" },
};

export type AnalyticsRange = { from: Date; to: Date; interval: AnalyticsInterval };

/** 30-360 points: minutes up to 6 hours, hours up to 14 days, days beyond. */
export function defaultInterval(spanMs: number): AnalyticsInterval {
  if (spanMs <= 6 * HOUR) return "minute";
  if (spanMs <= 14 * DAY) return "hour";
  return "day";
}

const floorTo = (ms: number, unit: number) => Math.floor(ms / unit) * unit;
const ceilTo = (ms: number, unit: number) => Math.ceil(ms / unit) * unit;

/** The exact range, for the request log: `to` defaults to now, `from` to an hour before it. */
export function resolveWindow(query: { from?: Date; to?: Date }, now = new Date()): { from: Date; to: Date } {
  const to = query.to ?? now;
  const from = query.from ?? new Date(to.getTime() - HOUR);
  if (!(from.getTime() < to.getTime())) {
    throw new ApiError("bad_request", `from (${from.toISOString()}) must be before to (${to.toISOString()})`);
  }
  return { from, to };
}

/**
 * The aligned range and interval of a query; 400 bad_request when `from` is not before
 * `to` or the interval is too fine for the range.
 */
export function resolveRange(query: { from?: Date; to?: Date; interval?: AnalyticsInterval }, now = new Date()): AnalyticsRange {
  const { from, to } = resolveWindow(query, now);
  const span = to.getTime() - from.getTime();
  const interval = query.interval ?? defaultInterval(span);
  if (span > MAX_SPAN[interval].ms) {
    const coarser = interval === "minute" ? "hour or day" : "day";
    throw new ApiError("bad_request", `interval=${interval} covers at most ${MAX_SPAN[interval].text}; ask for a shorter range or interval=${coarser}`);
  }
  const unit = UNIT_MS[interval];
  return { from: new Date(floorTo(from.getTime(), unit)), to: new Date(ceilTo(to.getTime(), unit)), interval };
}

/** Every bucket start of the range, so a series shows empty buckets as zeros. */
export function bucketStarts(range: AnalyticsRange): Date[] {
  const unit = UNIT_MS[range.interval];
  const starts: Date[] = [];
  for (let t = range.from.getTime(); t < range.to.getTime(); t += unit) starts.push(new Date(t));
  return starts;
}
