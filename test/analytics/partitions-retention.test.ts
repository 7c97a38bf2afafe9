// Raw records live in day partitions created on demand and dropped whole by retention;
// records older than the raw retention count in the rollups whose retention they are within.
import { describe, expect, it } from "vitest";
import { analyticsDb } from "@/lib/analytics/analytics-db";
import { applyAnalyticsRetention } from "@/lib/analytics/ingest/apply-analytics-retention";
import { ingestBatch } from "@/lib/analytics/ingest/ingest-batch";
import { DAY_MS, ensureRequestPartitions, listRequestPartitions, partitionName, utcDay } from "@/lib/analytics/ingest/request-partitions";
import { userAgentFamily } from "@/lib/analytics/ingest/user-agent-family";
import { analyticsBatch, analyticsRecord, analyticsRows, uniqueGatewayId } from "@/test/support/analytics-batches";

const settings = async () => ({ clientIp: "truncated" as const, rawRetentionDays: 30 });
const today = utcDay(Date.now());
const daysAgo = (n: number) => today - n * DAY_MS;
const partitionNames = async () => new Set((await listRequestPartitions(analyticsDb())).map((p) => p.name));

describe("request partitions and retention", () => {
  it("names partitions by UTC day", () => {
    expect(partitionName(Date.UTC(2026, 0, 5))).toBe("request_p20260105");
  });

  it("creates the partitions a batch needs, keeps old records out of the raw table but in the rollups within their retention", async () => {
    const gatewayId = uniqueGatewayId("ret");
    const at = (days: number) => daysAgo(days) + 3_600_000;
    const records = [
      analyticsRecord({ t: at(9), requestId: "nine-days" }), // raw (new partition) and hour; past the minute retention
      analyticsRecord({ t: at(30), requestId: "thirty-days" }), // the oldest day still kept raw
      analyticsRecord({ t: at(31), requestId: "thirty-one-days" }), // past the raw retention: rollups only
      analyticsRecord({ t: Date.now(), requestId: "now" }),
    ];
    expect(await ingestBatch(analyticsBatch(gatewayId, records), { settings })).toEqual({ duplicate: false, records: 4 });

    const names = await partitionNames();
    expect(names.has(partitionName(daysAgo(9)))).toBe(true);
    expect(names.has(partitionName(daysAgo(30)))).toBe(true);
    expect(names.has(partitionName(daysAgo(31)))).toBe(false);
    const raw = await analyticsRows<{ request_id: string }>("SELECT request_id FROM analytics.request WHERE gateway_id = $1 ORDER BY t", [gatewayId]);
    expect(raw.map((r) => r.request_id)).toEqual(["thirty-days", "nine-days", "now"]);
    const [minute] = await analyticsRows<{ n: number }>("SELECT coalesce(sum(count), 0)::int AS n FROM analytics.rollup_total_minute WHERE gateway_id = $1", [gatewayId]);
    expect(minute.n).toBe(1);
    const [hour] = await analyticsRows<{ n: number }>("SELECT coalesce(sum(count), 0)::int AS n FROM analytics.rollup_total_hour WHERE gateway_id = $1", [gatewayId]);
    expect(hour.n).toBe(4);
  });

  it("drops partitions past the raw retention whole, keeps newer ones and their rows, and deletes old batch ids and rollup rows", async () => {
    const db = analyticsDb();
    const gatewayId = uniqueGatewayId("drop");
    await ensureRequestPartitions(db, [daysAgo(45), daysAgo(31), daysAgo(30), daysAgo(29)]);
    await ingestBatch(analyticsBatch(gatewayId, [analyticsRecord({ t: daysAgo(30) + 60_000, requestId: "kept-30" }), analyticsRecord({ t: daysAgo(29), requestId: "kept-29" })]), { settings });
    // Rows written straight into the old partitions and rollups, as a long-running deployment would have them.
    await db.query(
      "INSERT INTO analytics.request (t, gateway_id, request_id, method, path, status, latency_ms, bytes_in, bytes_out) VALUES ($1, $2, 'old-31', 'GET', '/', 200, 1, 0, 0), ($3, $2, 'old-45', 'GET', '/', 200, 1, 0, 0)",
      [new Date(daysAgo(31) + 60_000), gatewayId, new Date(daysAgo(45) + 60_000)],
    );
    await db.query("INSERT INTO analytics.ingested_batch (batch_id, gateway_id, records, ingested_at) VALUES (gen_random_uuid(), $1, 1, now() - interval '31 days')", [gatewayId]);
    for (const [table, age] of [["rollup_total_minute", "9 days"], ["rollup_total_minute", "7 days"], ["rollup_total_hour", "401 days"], ["rollup_total_hour", "399 days"]]) {
      await db.query(`INSERT INTO analytics.${table} (bucket, gateway_id, status, count, bytes_in, bytes_out, latency_hist) VALUES (date_trunc('hour', now() - interval '${age}'), $1, 200, 1, 0, 0, '{}')`, [gatewayId]);
    }

    const result = await applyAnalyticsRetention(db, { rawRetentionDays: 30 });
    expect(result?.droppedPartitions).toEqual(expect.arrayContaining([partitionName(daysAgo(45)), partitionName(daysAgo(31))]));
    expect(result?.droppedPartitions).not.toContain(partitionName(daysAgo(30)));
    const names = await partitionNames();
    expect([daysAgo(45), daysAgo(31)].some((d) => names.has(partitionName(d)))).toBe(false);
    expect(names.has(partitionName(daysAgo(30))) && names.has(partitionName(daysAgo(29))) && names.has(partitionName(today))).toBe(true);

    const raw = await analyticsRows<{ request_id: string }>("SELECT request_id FROM analytics.request WHERE gateway_id = $1 ORDER BY t", [gatewayId]);
    expect(raw.map((r) => r.request_id)).toEqual(["kept-30", "kept-29"]);
    const batches = await analyticsRows<{ old: boolean }>("SELECT ingested_at < now() - interval '30 days' AS old FROM analytics.ingested_batch WHERE gateway_id = $1", [gatewayId]);
    expect(batches).toEqual([{ old: false }]);
    const minutes = await analyticsRows("SELECT 1 FROM analytics.rollup_total_minute WHERE gateway_id = $1 AND status = 200 AND bucket < now() - interval '8 days'", [gatewayId]);
    expect(minutes).toEqual([]);
    const kept = await analyticsRows<{ n: number }>(
      "SELECT (SELECT count(*) FROM analytics.rollup_total_minute WHERE gateway_id = $1)::int + (SELECT count(*) FROM analytics.rollup_total_hour WHERE gateway_id = $1)::int AS n",
      [gatewayId],
    );
    // The 7-day minute row, the 399-day hour row and the hour rows of the two ingested records (too old for minutes).
    expect(kept[0].n).toBe(1 + 1 + 2);

    // Ingesting after the drop: a record of a dropped day is not stored raw, nothing recreates its partition.
    await ingestBatch(analyticsBatch(gatewayId, [analyticsRecord({ t: daysAgo(31) + 1000 })]), { settings });
    expect((await partitionNames()).has(partitionName(daysAgo(31)))).toBe(false);
  });
});

describe("user agent family", () => {
  it.each([
    ["curl/8.5.0", "curl"],
    ["Wget/1.21.4", "wget"],
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge"],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari"],
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.6778.33 Safari/537.36", "Playwright/HeadlessChrome"],
    ["python-requests/2.32.3", "python-requests"],
    ["Go-http-client/1.1", "Go-http-client"],
    ["okhttp/4.12.0", "okhttp"],
    ["PostmanRuntime/7.42.0", "PostmanRuntime"],
    ["Java/21.0.5", "Java"],
    ["node", "node"],
    ["undici", "node"],
    ["axios/1.7.9", "axios"],
    ["MyCompanyBot/2.0", "other"],
    ["", null],
    [null, null],
  ])("%s is %s", (header, family) => {
    expect(userAgentFamily(header)).toBe(family);
  });
});
