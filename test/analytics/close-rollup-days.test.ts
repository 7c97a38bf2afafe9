// closeRollupDays: the day rollups of a closed day built from its hours, read back through the
// API with the same counts and percentiles before and after; late records (during the closing
// and after it) counted once; a closing interrupted after it moved closing_before finished
// exactly by the next run.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as seriesRoute from "@/app/api/v1/analytics/requests/route";
import * as topRoute from "@/app/api/v1/analytics/top/route";
import type { AnalyticsRecord } from "@portcullis/gateway/contract/analytics-record";
import { analyticsDb } from "@/lib/analytics/analytics-db";
import { closeRollupDays } from "@/lib/analytics/ingest/close-rollup-days";
import { ingestBatch } from "@/lib/analytics/ingest/ingest-batch";
import { histogramOf, percentilesOf } from "@/lib/analytics/latency-histogram";
import { LATE_RECORDS_MS } from "@/lib/analytics/query/refresh-top-candidates";
import { analyticsRecord, analyticsRows, uniqueGatewayId } from "@/test/support/analytics-batches";
import { callRoute } from "@/test/support/call-route";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const settings = async () => ({ clientIp: "truncated" as const, rawRetentionDays: 30 });

/** The first day whose day rollups are not built yet (a fresh database: tomorrow). */
async function firstOpenDay(): Promise<number> {
  const [state] = await analyticsRows<{ compacted_before: Date }>("SELECT compacted_before FROM analytics.rollup_day_state");
  return state!.compacted_before.getTime();
}

/** `count` records of one API and subscription on `day`, spread over two of its hours, with latencies of their own. */
function recordsOn(day: number, count: number, ids: { apiId: string; subscriptionId: string }, seed: number): AnalyticsRecord[] {
  return Array.from({ length: count }, (_, i) =>
    analyticsRecord({ ...ids, t: day + (i % 2 === 0 ? 3 : 17) * HOUR + i * 1000, status: i % 7 === 0 ? 503 : 200, latencyMs: 1 + ((i * 37 + seed) % 400) }),
  );
}

async function ingest(gatewayId: string, records: AnalyticsRecord[]): Promise<void> {
  await ingestBatch({ batchId: randomUUID(), gatewayId, records }, { settings });
}

async function dayFigures(day: number, ids: { apiId: string; subscriptionId: string }) {
  const range = `from=${new Date(day).toISOString()}&to=${new Date(day + DAY).toISOString()}&interval=day`;
  const byApi = await callRoute(seriesRoute.GET, { path: `/analytics/requests?${range}&apiId=${ids.apiId}` });
  const bySubscription = await callRoute(seriesRoute.GET, { path: `/analytics/requests?${range}&subscriptionId=${ids.subscriptionId}` });
  const topSubscriptions = await callRoute(topRoute.GET, { path: `/analytics/top?${range}&dimension=subscription&apiId=${ids.apiId}` });
  expect([byApi.status, bySubscription.status, topSubscriptions.status]).toEqual([200, 200, 200]);
  const { count, p50, p95, p99 } = byApi.body.totals;
  return { count, p50, p95, p99, subscription: bySubscription.body.totals.count, top: topSubscriptions.body.items.map((i: { key: string; count: number }) => [i.key, i.count]) };
}

async function dayRows(table: string, day: number, gatewayOrSubscription: { column: string; value: string }) {
  const [row] = await analyticsRows<{ rows: string; count: string | null }>(
    `SELECT count(*) AS rows, sum(count) AS count FROM analytics.${table} WHERE bucket = $1 AND ${gatewayOrSubscription.column} = $2`,
    [new Date(day), gatewayOrSubscription.value],
  );
  return { rows: Number(row!.rows), count: Number(row!.count ?? 0) };
}

describe("closeRollupDays", () => {
  it("builds a closed day's rollups from its hours: the same figures before and after, late records counted once", async () => {
    const gatewayId = uniqueGatewayId("close");
    const ids = { apiId: `api-${gatewayId}`, subscriptionId: `sub-${gatewayId}` };
    const day = await firstOpenDay();
    const onTime = recordsOn(day, 120, ids, 1);
    await ingest(gatewayId, onTime.slice(0, 60));
    await ingest(gatewayId, onTime.slice(60));

    // An open day is in the hours only, and read from them.
    expect(await dayRows("rollup_api_day", day, { column: "gateway_id", value: gatewayId })).toEqual({ rows: 0, count: 0 });
    const expected = { count: 120, ...percentilesOf(histogramOf(onTime.map((r) => r.latencyMs))) };
    const open = await dayFigures(day, ids);
    expect(open).toMatchObject({ ...expected, subscription: 120, top: [[ids.subscriptionId, 120]] });

    // Late batches while the day is being closed: each lands before the closing's snapshot
    // (then in the hours it aggregates) or after it (then in the day rows too), never both.
    const late = Array.from({ length: 6 }, (_, i) => recordsOn(day, 5, ids, 100 + i));
    const [closed] = await Promise.all([closeRollupDays(analyticsDb(), { now: day + DAY + LATE_RECORDS_MS }), ...late.map((records) => ingest(gatewayId, records))]);
    expect(closed).toBe(1);
    expect(await firstOpenDay()).toBe(day + DAY);
    expect(await dayRows("rollup_api_day", day, { column: "gateway_id", value: gatewayId })).toMatchObject({ count: 150 });
    expect(await dayRows("rollup_subscription_day", day, { column: "subscription_id", value: ids.subscriptionId })).toMatchObject({ count: 150 });

    // And one after the closing: in the day rows and the hours, read from the day rows alone.
    const after = recordsOn(day, 4, ids, 999);
    await ingest(gatewayId, after);
    const all = [...onTime, ...late.flat(), ...after];
    expect(await dayFigures(day, ids)).toMatchObject({
      count: 154,
      ...percentilesOf(histogramOf(all.map((r) => r.latencyMs))),
      subscription: 154,
      top: [[ids.subscriptionId, 154]],
    });
    const [hours] = await analyticsRows<{ count: string }>(
      "SELECT sum(count) AS count FROM analytics.rollup_api_hour WHERE bucket >= $1 AND bucket < $2 AND gateway_id = $3",
      [new Date(day), new Date(day + DAY), gatewayId],
    );
    expect(Number(hours!.count)).toBe(154);
    // Nothing more to close until the next day has ended.
    expect(await closeRollupDays(analyticsDb(), { now: day + DAY + LATE_RECORDS_MS })).toBe(0);
  });

  it("finishes a closing interrupted after it moved closing_before: the day rebuilt from its hours, exactly", async () => {
    const gatewayId = uniqueGatewayId("close");
    const ids = { apiId: `api-${gatewayId}`, subscriptionId: `sub-${gatewayId}` };
    const day = await firstOpenDay();
    await ingest(gatewayId, recordsOn(day, 40, ids, 2));
    // What a closer that died after its first transaction leaves: later records of the day go to
    // the day rows as well as the hours, and the day is not compacted.
    await analyticsDb().query("UPDATE analytics.rollup_day_state SET closing_before = $1", [new Date(day + DAY)]);
    await ingest(gatewayId, recordsOn(day, 10, ids, 3));
    expect(await dayRows("rollup_api_day", day, { column: "gateway_id", value: gatewayId })).toMatchObject({ count: 10 });
    expect(await dayFigures(day, ids)).toMatchObject({ count: 50, subscription: 50 });

    expect(await closeRollupDays(analyticsDb(), { now: day + DAY + LATE_RECORDS_MS })).toBe(1);
    expect(await dayRows("rollup_api_day", day, { column: "gateway_id", value: gatewayId })).toMatchObject({ count: 50 });
    expect(await dayFigures(day, ids)).toMatchObject({ count: 50, subscription: 50, top: [[ids.subscriptionId, 50]] });
  });

  it("leaves a day alone until it ended LATE_RECORDS_MS ago, and lets one closer run at a time", async () => {
    const day = await firstOpenDay();
    expect(await closeRollupDays(analyticsDb(), { now: day + DAY + LATE_RECORDS_MS - 1 })).toBe(0);
    const holder = await analyticsDb().connect();
    try {
      await holder.query("SELECT pg_advisory_lock(hashtext('portcullis.analytics.day_closer'))");
      expect(await closeRollupDays(analyticsDb(), { now: day + 2 * DAY })).toBeNull();
    } finally {
      await holder.query("SELECT pg_advisory_unlock(hashtext('portcullis.analytics.day_closer'))");
      holder.release();
    }
    expect(await firstOpenDay()).toBe(day);
  });
});

