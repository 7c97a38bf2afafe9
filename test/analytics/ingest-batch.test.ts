// ingestBatch against the real analytics schema: raw rows and every rollup with exact counts,
// bytes, statuses and histograms; a batch delivered twice (or twice at once) counts once;
// the user and the client IP derived as the workspace wants them.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as settingsRoute from "@/app/api/v1/settings/route";
import { decodeHistogram, histogramOf, percentilesOf, type Histogram } from "@/lib/analytics/latency-histogram";
import { forgetAnalyticsSettings } from "@/lib/analytics/ingest/analytics-settings";
import { storedClientIp } from "@/lib/analytics/ingest/client-ip";
import { batchGroups } from "@/lib/analytics/ingest/batch-groups";
import { ingestBatch, ingestBatches, writeBatches } from "@/lib/analytics/ingest/ingest-batch";
import { COMPACT_AT } from "@/lib/analytics/ingest/rollups";
import { forgetSubscriptionOwners, subscriptionOwners } from "@/lib/analytics/ingest/subscription-owners";
import pg from "pg";
import { env } from "@/lib/env";
import { db } from "@/lib/db";
import { callRoute } from "@/test/support/call-route";
import { analyticsBatch, analyticsRecord, analyticsRows, uniqueGatewayId } from "@/test/support/analytics-batches";
import { createIdentity } from "@/test/support/identities";
import type { AnalyticsRecord } from "@portcullis/gateway/contract/analytics-record";

const HOUR = 3_600_000;

async function subscriptionOwnedBy(userId: string): Promise<string> {
  const unique = randomBytes(8).toString("hex");
  const subscription = await db().subscription.create({
    data: { name: `analytics-${unique}`, userId, primaryKeyHash: randomBytes(32).toString("hex"), secondaryKeyHash: randomBytes(32).toString("hex"), primaryKeyEncrypted: "x", secondaryKeyEncrypted: "x" },
  });
  return subscription.id;
}

function mergedHistogram(rows: { latency_hist: string[] }[]): Histogram {
  const hist: Histogram = new Map();
  for (const row of rows) decodeHistogram(row.latency_hist, hist);
  return hist;
}

const sorted = (hist: Histogram) => [...hist.entries()].sort(([a], [b]) => a - b);
const sum = (rows: Record<string, unknown>[], column: string) => rows.reduce((total, row) => total + Number(row[column]), 0);

describe("ingestBatch", () => {
  it("writes raw rows and every rollup with exact counts, bytes, statuses and merged histograms", async () => {
    const gatewayId = uniqueGatewayId();
    const developer = await createIdentity("developer", { tag: "analytics" });
    const subscriptionId = await subscriptionOwnedBy(developer.userId);
    const apiA = `api-a-${gatewayId}`;
    const apiB = `api-b-${gatewayId}`;
    // Three minutes inside one hour, so the hour and day rollups hold everything.
    const start = Math.floor(Date.now() / HOUR) * HOUR - HOUR + 10 * 60_000;
    const statuses: [number, string | null][] = [[200, null], [200, null], [201, null], [404, null], [429, "rate"], [502, "backend"]];
    const records: AnalyticsRecord[] = Array.from({ length: 600 }, (_, i) => {
      const [status, reason] = statuses[i % statuses.length];
      return analyticsRecord({
        t: start + Math.floor(i / 200) * 60_000 + i,
        apiId: i % 2 === 0 ? apiA : apiB,
        operation: i % 4 < 2 ? "GET /hello" : "POST /orders",
        subscriptionId: i % 5 === 0 ? subscriptionId : null,
        status,
        reason,
        latencyMs: Math.round(Math.exp((i * 7919) % 1000 / 130) * 100) / 100,
        bytesIn: i % 7,
        bytesOut: 100 + i,
      });
    });
    // Two batches over the same keys: the second one's upserts merge into the first's rows.
    const first = await ingestBatch(analyticsBatch(gatewayId, records.filter((_, i) => i % 2 === 0)));
    const second = await ingestBatch(analyticsBatch(gatewayId, records.filter((_, i) => i % 2 === 1)));
    expect([first, second]).toEqual([{ duplicate: false, records: 300 }, { duplicate: false, records: 300 }]);

    const raw = await analyticsRows<{ user_id: string | null; subscription_id: string | null; client_ip: string; user_agent: string }>(
      "SELECT user_id, subscription_id, client_ip, user_agent FROM analytics.request WHERE gateway_id = $1",
      [gatewayId],
    );
    expect(raw).toHaveLength(600);
    expect(new Set(raw.filter((r) => r.subscription_id).map((r) => r.user_id))).toEqual(new Set([developer.userId]));
    expect(raw.filter((r) => r.subscription_id === null).every((r) => r.user_id === null)).toBe(true);
    expect(new Set(raw.map((r) => `${r.client_ip} ${r.user_agent}`))).toEqual(new Set(["203.0.113.0 curl"]));

    const totalMinute = await analyticsRows<{ status: number; reason: string; count: string; bytes_in: string; bytes_out: string; latency_hist: string[] }>(
      "SELECT status, reason, count, bytes_in, bytes_out, latency_hist FROM analytics.rollup_total_minute WHERE gateway_id = $1",
      [gatewayId],
    );
    expect(totalMinute).toHaveLength(3 * 5); // 3 minutes × 5 (status, reason) keys
    const countBy = (rows: { status: number; reason: string; count: string }[]) => {
      const counts: Record<string, number> = {};
      for (const row of rows) counts[`${row.status}/${row.reason}`] = (counts[`${row.status}/${row.reason}`] ?? 0) + Number(row.count);
      return counts;
    };
    expect(countBy(totalMinute)).toEqual({ "200/": 200, "201/": 100, "404/": 100, "429/rate": 100, "502/backend": 100 });
    expect(sum(totalMinute, "bytes_in")).toBe(records.reduce((s, r) => s + r.bytesIn, 0));
    expect(sum(totalMinute, "bytes_out")).toBe(records.reduce((s, r) => s + r.bytesOut, 0));
    const everyLatency = histogramOf(records.map((r) => r.latencyMs));
    expect(sorted(mergedHistogram(totalMinute))).toEqual(sorted(everyLatency));

    const totalHour = await analyticsRows<{ status: number; reason: string; count: string; latency_hist: string[] }>(
      "SELECT status, reason, count, latency_hist FROM analytics.rollup_total_hour WHERE gateway_id = $1",
      [gatewayId],
    );
    expect(totalHour).toHaveLength(5);
    expect(countBy(totalHour)).toEqual(countBy(totalMinute));
    expect(percentilesOf(mergedHistogram(totalHour))).toEqual(percentilesOf(everyLatency));

    const apiLatencies = histogramOf(records.filter((r) => r.apiId === apiA).map((r) => r.latencyMs));
    for (const table of ["rollup_api_hour", "rollup_api_day"]) {
      const rows = await analyticsRows<{ count: string; latency_hist: string[] }>(`SELECT count, latency_hist FROM analytics.${table} WHERE api_id = $1`, [apiA]);
      expect(sum(rows, "count"), table).toBe(300);
      expect(percentilesOf(mergedHistogram(rows)), table).toEqual(percentilesOf(apiLatencies));
      expect(sorted(mergedHistogram(rows)), table).toEqual(sorted(apiLatencies));
    }
    const operations = await analyticsRows<{ operation: string; count: string }>(
      "SELECT operation, sum(count)::int AS count FROM analytics.rollup_api_hour WHERE api_id = $1 GROUP BY 1 ORDER BY 1",
      [apiB],
    );
    expect(operations).toEqual([{ operation: "GET /hello", count: 150 }, { operation: "POST /orders", count: 150 }]);

    const subscribed = records.filter((r) => r.subscriptionId === subscriptionId);
    for (const table of ["rollup_subscription_hour", "rollup_subscription_day"]) {
      const rows = await analyticsRows<{ user_id: string; count: string; bytes_out: string; latency_hist: string[] }>(
        `SELECT user_id, count, bytes_out, latency_hist FROM analytics.${table} WHERE subscription_id = $1`,
        [subscriptionId],
      );
      expect(sum(rows, "count"), table).toBe(subscribed.length);
      expect(sum(rows, "bytes_out"), table).toBe(subscribed.reduce((s, r) => s + r.bytesOut, 0));
      expect(new Set(rows.map((r) => r.user_id)), table).toEqual(new Set([developer.userId]));
      expect(percentilesOf(mergedHistogram(rows)), table).toEqual(percentilesOf(histogramOf(subscribed.map((r) => r.latencyMs))));
    }
    const batches = await analyticsRows("SELECT records FROM analytics.ingested_batch WHERE gateway_id = $1", [gatewayId]);
    expect(batches).toEqual([{ records: 300 }, { records: 300 }]);
  });

  it("appends a row's histogram on each upsert and compacts it once it would pass COMPACT_AT elements, counts exact", async () => {
    const gatewayId = uniqueGatewayId();
    const t = Math.floor(Date.now() / HOUR) * HOUR - HOUR + 60_000;
    // 40 batches of 10 records, each spreading over 10 buckets: 400 elements if never compacted.
    const latencies = Array.from({ length: 10 }, (_, i) => 2 ** (i + 1));
    const sent: number[] = [];
    for (let b = 0; b < 40; b++) {
      const batch = latencies.map((latencyMs) => analyticsRecord({ t: t + b, latencyMs }));
      sent.push(...latencies);
      await ingestBatch(analyticsBatch(gatewayId, batch));
      const [row] = await analyticsRows<{ latency_hist: string[] }>("SELECT latency_hist FROM analytics.rollup_total_hour WHERE gateway_id = $1", [gatewayId]);
      expect(row.latency_hist.length).toBeLessThanOrEqual(COMPACT_AT);
      // Below the threshold the batch was appended whole: repeated buckets, summed by every reader.
      if (b === 1) expect(row.latency_hist).toHaveLength(2 * latencies.length);
    }
    const rows = await analyticsRows<{ count: string; latency_hist: string[] }>("SELECT count, latency_hist FROM analytics.rollup_total_hour WHERE gateway_id = $1", [gatewayId]);
    expect(rows.map((r) => Number(r.count))).toEqual([400]);
    expect(sorted(mergedHistogram(rows))).toEqual(sorted(histogramOf(sent)));
    expect(percentilesOf(mergedHistogram(rows))).toEqual(percentilesOf(histogramOf(sent)));
  });

  it("counts a batch delivered twice once, also when both deliveries arrive at the same time", async () => {
    const gatewayId = uniqueGatewayId();
    const batch = analyticsBatch(gatewayId, Array.from({ length: 50 }, (_, i) => analyticsRecord({ status: 200 + (i % 2), t: Date.now() - i })));
    expect(await ingestBatch(batch)).toEqual({ duplicate: false, records: 50 });
    expect(await ingestBatch(batch)).toEqual({ duplicate: true, records: 0 });

    const concurrent = analyticsBatch(gatewayId, Array.from({ length: 30 }, () => analyticsRecord({ status: 500, reason: "backend" })));
    const results = await Promise.all([ingestBatch(concurrent), ingestBatch(concurrent), ingestBatch(concurrent)]);
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true, true]);

    const [raw] = await analyticsRows<{ n: number }>("SELECT count(*)::int AS n FROM analytics.request WHERE gateway_id = $1", [gatewayId]);
    expect(raw.n).toBe(80);
    const totals = await analyticsRows("SELECT status, sum(count)::int AS count FROM analytics.rollup_total_minute WHERE gateway_id = $1 GROUP BY 1 ORDER BY 1", [gatewayId]);
    expect(totals).toEqual([{ status: 200, count: 25 }, { status: 201, count: 25 }, { status: 500, count: 30 }]);
  });

  it("writes several batches in one transaction, each counted once (one batch twice in the call, one ingested before)", async () => {
    const gatewayId = uniqueGatewayId("group");
    const t = Math.floor(Date.now() / HOUR) * HOUR - HOUR + 60_000;
    const batch = (n: number, status: number) => analyticsBatch(gatewayId, Array.from({ length: n }, (_, i) => analyticsRecord({ t: t + i, status, bytesOut: 10 })));
    const [before, a, b] = [batch(5, 200), batch(7, 200), batch(11, 404)];
    await ingestBatch(before);
    const results = await ingestBatches([a, before, b, a]);
    expect(results).toEqual([{ duplicate: false, records: 7 }, { duplicate: true, records: 0 }, { duplicate: false, records: 11 }, { duplicate: true, records: 0 }]);
    const [raw] = await analyticsRows<{ n: number }>("SELECT count(*)::int AS n FROM analytics.request WHERE gateway_id = $1", [gatewayId]);
    expect(raw.n).toBe(5 + 7 + 11);
    // The batches' shared keys are one row each, with the sums of all of them.
    const hour = await analyticsRows("SELECT status, count::int, bytes_out::int FROM analytics.rollup_total_hour WHERE gateway_id = $1 ORDER BY status", [gatewayId]);
    expect(hour).toEqual([{ status: 200, count: 12, bytes_out: 120 }, { status: 404, count: 11, bytes_out: 110 }]);
  });

  it("groups batches handed in while the transactions are busy, and writes a failed group again batch by batch", async () => {
    const gatewayId = uniqueGatewayId("groups");
    const groups: number[] = [];
    const ingest = batchGroups(
      async (batches) => {
        groups.push(batches.length);
        // Stands for a batch the database refuses.
        if (batches.some((b) => b.records[0]!.requestId === "poison")) throw new Error("refused");
        return writeBatches(batches);
      },
      { inFlight: 1, maxBatches: 3 },
    );
    const batches = Array.from({ length: 5 }, (_, i) => analyticsBatch(gatewayId, [analyticsRecord({ requestId: i === 4 ? "poison" : `ok-${i}` })]));
    const results = await Promise.allSettled(batches.map((b) => ingest(b)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled", "rejected"]);
    // 3 at once, then the other 2 together, which failed and were written again one by one.
    expect(groups).toEqual([3, 2, 1, 1]);
    const [raw] = await analyticsRows<{ n: number }>("SELECT count(*)::int AS n FROM analytics.request WHERE gateway_id = $1", [gatewayId]);
    expect(raw.n).toBe(4);
  });

  it("refuses a malformed batch and writes nothing of it", async () => {
    const gatewayId = uniqueGatewayId();
    const bad = analyticsBatch(gatewayId, [analyticsRecord({ status: 700 })]);
    await expect(ingestBatch(bad)).rejects.toThrow(/status|599/i);
    const rows = await analyticsRows("SELECT 1 FROM analytics.ingested_batch WHERE gateway_id = $1", [gatewayId]);
    expect(rows).toEqual([]);
  });
});

describe("deriving the developer and writing through a given client", () => {
  it("looks the owners of a batch's unknown subscriptions up in one query and caches them", async () => {
    forgetSubscriptionOwners();
    const calls: string[][] = [];
    const lookup = async (ids: string[]) => {
      calls.push([...ids].sort());
      return new Map(ids.filter((id) => id !== "gone").map((id) => [id, `owner-of-${id}`]));
    };
    const now = Date.now();
    const first = await subscriptionOwners(["a", "b", "a", "gone"], lookup, now);
    expect(Object.fromEntries(first)).toEqual({ a: "owner-of-a", b: "owner-of-b", gone: null });
    const second = await subscriptionOwners(["a", "gone", "c"], lookup, now + 1000);
    expect(Object.fromEntries(second)).toEqual({ a: "owner-of-a", gone: null, c: "owner-of-c" });
    await subscriptionOwners(["a"], lookup, now + 61_000); // past the TTL: asked again
    expect(calls).toEqual([["a", "b", "gone"], ["c"], ["a"]]);
    forgetSubscriptionOwners();
  });

  it("ingests through a connected pg client it is given (the benchmark's way in)", async () => {
    const client = new pg.Client({ connectionString: env().DATABASE_URL });
    await client.connect();
    try {
      const gatewayId = uniqueGatewayId("client");
      const batch = analyticsBatch(gatewayId, [analyticsRecord(), analyticsRecord({ status: 503, reason: "backend" })]);
      expect(await ingestBatch(batch, { db: client })).toEqual({ duplicate: false, records: 2 });
      expect(await ingestBatch(batch, { db: client })).toEqual({ duplicate: true, records: 0 });
      const [row] = (await client.query("SELECT count(*)::int AS n FROM analytics.request WHERE gateway_id = $1", [gatewayId])).rows;
      expect(row.n).toBe(2);
    } finally {
      await client.end();
    }
  });
});

describe("client IP as the workspace's analytics.clientIp says", () => {
  it.each([
    ["full", "203.0.113.77", "203.0.113.77"],
    ["truncated", "203.0.113.77", "203.0.113.0"],
    ["truncated", "::ffff:198.51.100.9", "198.51.100.0"],
    ["truncated", "2001:db8:abcd:12:1:2:3:4", "2001:db8:abcd::"],
    ["truncated", "not-an-address", null],
    ["none", "203.0.113.77", null],
    ["hashed", null, null],
  ] as const)("%s keeps %s as %s", (mode, ip, stored) => {
    expect(storedClientIp(ip, mode)).toBe(stored);
  });

  it("hashes an address to a stable keyed prefix that differs between addresses", () => {
    const hashed = storedClientIp("203.0.113.77", "hashed");
    expect(hashed).toMatch(/^[0-9a-f]{16}$/);
    expect(storedClientIp("203.0.113.77", "hashed")).toBe(hashed);
    expect(storedClientIp("::ffff:203.0.113.77", "hashed")).toBe(hashed);
    expect(storedClientIp("203.0.113.78", "hashed")).not.toBe(hashed);
  });

  it("PATCH /settings takes the analytics section and ingestion follows it", async () => {
    const patched = await callRoute(settingsRoute.PATCH, { method: "PATCH", path: "/settings", body: { analytics: { clientIp: "hashed" } } });
    expect(patched.status).toBe(200);
    expect(patched.body.analytics).toEqual({ clientIp: "hashed", rawRetentionDays: 30 });
    const refused = await callRoute(settingsRoute.PATCH, { method: "PATCH", path: "/settings", body: { analytics: { rawRetentionDays: 401 } } });
    expect(refused.status).toBe(400);
    try {
      forgetAnalyticsSettings();
      const gatewayId = uniqueGatewayId();
      await ingestBatch(analyticsBatch(gatewayId, [analyticsRecord({ clientIp: "192.0.2.10" })]));
      const rows = await analyticsRows("SELECT client_ip FROM analytics.request WHERE gateway_id = $1", [gatewayId]);
      expect(rows).toEqual([{ client_ip: storedClientIp("192.0.2.10", "hashed") }]);
    } finally {
      await callRoute(settingsRoute.PATCH, { method: "PATCH", path: "/settings", body: { analytics: { clientIp: "truncated" } } });
      forgetAnalyticsSettings();
    }
  });
});
