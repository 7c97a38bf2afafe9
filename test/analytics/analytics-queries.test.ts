// GET /api/v1/analytics/requests, /top and /requests/log over records ingested by the real
// ingester (ingestBatch): counts, errors, bytes and percentiles per bucket (empty ones
// included), every filter, top lists with labels, the request log's filters and paging,
// developers' scoping, and the errors bad input gets.
import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as seriesRoute from "@/app/api/v1/analytics/requests/route";
import * as logRoute from "@/app/api/v1/analytics/requests/log/route";
import * as topRoute from "@/app/api/v1/analytics/top/route";
import type { AnalyticsRecord } from "@portcullis/gateway/contract/analytics-record";
import { ingestBatch } from "@/lib/analytics/ingest/ingest-batch";
import { analyticsDb } from "@/lib/analytics/analytics-db";
import { histogramOf, percentilesOf } from "@/lib/analytics/latency-histogram";
import { refreshTopCandidates } from "@/lib/analytics/query/refresh-top-candidates";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import { createIdentity, type UserIdentity } from "../support/identities";

const tag = randomBytes(3).toString("hex");
const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;
const today = Math.floor(Date.now() / DAY) * DAY;
// Days other files leave alone (they record now and 9, 29-31, 45 days ago), since
// unfiltered queries see every file's records. T0: within every rollup's retention.
const T0 = today - 5 * DAY + 13 * HOUR;
/** Long-range top lists run over this older traffic: rollups only (past the raw retention). */
const OLD = today - 60 * DAY + 10 * HOUR;
const range = `from=${new Date(T0).toISOString()}&to=${new Date(T0 + 10 * MINUTE).toISOString()}`;

let dev1: UserIdentity;
let dev2: UserIdentity;
const ids = { apiA: "", apiB: "", product: "", s1: "", s2: "" };
const records: (AnalyticsRecord & { gatewayId: string })[] = [];

function record(minute: number, fields: Partial<AnalyticsRecord>, gatewayId = "gw-1", base = T0): void {
  const n = records.length;
  records.push({
    gatewayId,
    t: base + minute * MINUTE + n * 10,
    requestId: `req-${tag}-${String(n).padStart(3, "0")}`,
    traceId: n.toString(16).padStart(32, "0"),
    method: "GET",
    path: "/x",
    apiId: null,
    operation: null,
    productId: null,
    subscriptionId: null,
    clientId: null,
    clientIp: "203.0.113.9",
    status: 200,
    reason: null,
    errorCode: null,
    latencyMs: 10,
    upstreamMs: null,
    bytesIn: 100,
    bytesOut: 1000,
    userAgent: "curl/8.5.0",
    ...fields,
  });
}

// Hashes as the snapshot schema wants them (sha256 hex): other files publish every subscription to the gateways.
const keys = () => ({ primaryKeyHash: randomBytes(32).toString("hex"), secondaryKeyHash: randomBytes(32).toString("hex"), primaryKeyEncrypted: "x", secondaryKeyEncrypted: "x" });

beforeAll(async () => {
  [dev1, dev2] = await Promise.all([createIdentity("developer", { via: "session", tag }), createIdentity("developer", { via: "session", tag })]);
  const apiA = await db().api.create({ data: { name: `Orders ${tag}`, path: `orders-${tag}`, backendUrls: ["http://127.0.0.1:1"] } });
  const apiB = await db().api.create({ data: { name: `Billing ${tag}`, path: `billing-${tag}`, backendUrls: ["http://127.0.0.1:1"] } });
  const product = await db().product.create({ data: { name: `Gold ${tag}` } });
  const s1 = await db().subscription.create({ data: { name: `Shop ${tag}`, productId: product.id, userId: dev1.userId, state: "ACTIVE", ...keys() } });
  const s2 = await db().subscription.create({ data: { name: `Ledger ${tag}`, apiId: apiB.id, userId: dev2.userId, state: "ACTIVE", ...keys() } });
  Object.assign(ids, { apiA: apiA.id, apiB: apiB.id, product: product.id, s1: s1.id, s2: s2.id });

  const s1Call = { apiId: apiA.id, productId: product.id, subscriptionId: s1.id };
  for (let i = 0; i < 10; i++) record(0, { ...s1Call, operation: "GET /orders", latencyMs: 8 + i, upstreamMs: 5 });
  for (let i = 0; i < 5; i++) {
    record(1, { ...s1Call, method: "POST", operation: "POST /orders", status: 502, reason: "backend", errorCode: "backend_unavailable", latencyMs: 200 + i * 50 });
  }
  for (let i = 0; i < 3; i++) record(3, { apiId: apiB.id, subscriptionId: s2.id, operation: "GET /invoices", latencyMs: 40 }, "gw-2");
  for (let i = 0; i < 2; i++) record(3, { status: 404, reason: "route", errorCode: "route_not_found", latencyMs: 0.5 });
  for (let i = 0; i < 4; i++) record(5, { apiId: apiA.id, status: 401, reason: "key", errorCode: "missing_subscription_key", latencyMs: 1 });
  // OLD's hour: s2 the busiest, s1 second, POST /orders last; the next day's same hour: s1 alone.
  const old = (minute: number, count: number, fields: Partial<AnalyticsRecord>) => {
    for (let i = 0; i < count; i++) record(minute, { latencyMs: 30, ...fields }, "gw-2", OLD);
  };
  old(0, 20, { apiId: apiB.id, subscriptionId: s2.id, operation: "GET /invoices" });
  old(1, 3, { ...s1Call, operation: "GET /orders" });
  old(2, 2, { ...s1Call, method: "POST", operation: "POST /orders" });
  old(24 * 60, 30, { ...s1Call, operation: "GET /orders" });

  const settings = async () => ({ clientIp: "truncated" as const, rawRetentionDays: 30 });
  for (const gatewayId of ["gw-1", "gw-2"]) {
    const batch = records.filter((r) => r.gatewayId === gatewayId).map(({ gatewayId: _, ...r }) => r);
    await ingestBatch({ batchId: randomUUID(), gatewayId, records: batch }, { settings });
  }
});

const get = async (handler: unknown, path: string, as?: UserIdentity | null) => {
  const res = await callRoute(handler, { path, as });
  return res;
};
const series = async (query: string, as?: UserIdentity) => {
  const res = await get(seriesRoute.GET, `/analytics/requests?${query}`, as);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const top = async (query: string, as?: UserIdentity) => {
  const res = await get(topRoute.GET, `/analytics/top?${query}`, as);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as { key: string; label: string; count: number; errors: number; p95: number | null; apiId?: string }[];
};
const percentiles = (filter: (r: AnalyticsRecord) => boolean) => percentilesOf(histogramOf(records.filter(filter).map((r) => r.latencyMs)));

describe("GET /analytics/requests", () => {
  it("answers one point per minute, empty minutes as zeros, with counts, errors, bytes and merged percentiles", async () => {
    const body = await series(range);
    expect(body.interval).toBe("minute");
    expect(body.from).toBe(new Date(T0).toISOString());
    expect(body.series).toHaveLength(10);
    const [m0, m1, m2, m3] = body.series;
    expect(m0).toMatchObject({ t: new Date(T0).toISOString(), count: 10, errors: 0, bytesIn: 1000, bytesOut: 10_000, ...percentiles((r) => r.t >= T0 && r.t < T0 + MINUTE) });
    expect(m1).toMatchObject({ count: 5, errors: 5, serverErrors: 5, clientErrors: 0 });
    expect(m1.p99).toBe(percentiles((r) => r.status === 502).p99);
    expect(m2).toMatchObject({ count: 0, errors: 0, p50: null, p95: null, p99: null, bytesIn: 0 });
    expect(m3).toMatchObject({ count: 5, errors: 2, clientErrors: 2 });
    expect(body.totals).toMatchObject({ count: 24, errors: 11, clientErrors: 6, serverErrors: 5, bytesIn: 2400, ...percentiles((r) => r.t >= T0) });
  });

  it.each([
    ["apiId", () => `apiId=${ids.apiA}`, 19],
    ["apiId + operation", () => `apiId=${ids.apiA}&operation=${encodeURIComponent("GET /orders")}`, 10],
    ["productId", () => `productId=${ids.product}`, 15],
    ["subscriptionId (raw table at minute grain)", () => `subscriptionId=${ids.s1}`, 15],
    ["userId", () => `userId=${dev2.userId}`, 3],
    ["userId of a user without subscriptions", () => "userId=nobody", 0],
    ["userId and one of their subscriptions", () => `userId=${dev1.userId}&subscriptionId=${ids.s1}`, 15],
    ["userId and someone else's subscription", () => `userId=${dev1.userId}&subscriptionId=${ids.s2}`, 0],
    ["gatewayId", () => "gatewayId=gw-2", 3],
  ])("filters by %s", async (_, query, count) => {
    expect((await series(`${range}&${query()}`)).totals.count).toBe(count);
  });

  it("reads hours and days from the coarser rollups with the same totals", async () => {
    const hour = `from=${new Date(T0).toISOString()}&to=${new Date(T0 + HOUR).toISOString()}`;
    const hourly = await series(`${hour}&interval=hour&subscriptionId=${ids.s1}`);
    expect(hourly.series).toEqual([expect.objectContaining({ count: 15, errors: 5, ...percentiles((r) => r.t >= T0 && r.subscriptionId === ids.s1) })]);
    const daily = await series(`${hour}&interval=day`);
    expect(daily.series).toHaveLength(1);
    expect(daily.totals).toMatchObject({ count: 24, errors: 11 });
    expect((await series(`${hour}&interval=day&apiId=${ids.apiA}`)).totals.count).toBe(19);
  });
});

describe("GET /analytics/top", () => {
  it.each([
    ["api", () => [[ids.apiA, `Orders ${tag}`, 19, 9], [ids.apiB, `Billing ${tag}`, 3, 0]]],
    ["subscription", () => [[ids.s1, `Shop ${tag}`, 15, 5], [ids.s2, `Ledger ${tag}`, 3, 0]]],
    ["user", () => [[dev1.userId, dev1.email, 15, 5], [dev2.userId, dev2.email, 3, 0]]],
    ["product", () => [[ids.product, `Gold ${tag}`, 15, 5]]],
    ["status", () => [["200", "200 OK", 13, 0], ["502", "502 Bad Gateway", 5, 5], ["401", "401 Unauthorized", 4, 4], ["404", "404 Not Found", 2, 2]]],
    ["reason", () => [["backend", "Backend failure", 5, 5], ["key", "Subscription key", 4, 4], ["route", "No matching route", 2, 2]]],
    ["gateway", () => [["gw-1", "gw-1", 21, 11], ["gw-2", "gw-2", 3, 0]]],
  ])("lists %s by count with labels", async (dimension, expected) => {
    const items = await top(`${range}&dimension=${dimension}`);
    expect(items.map((i) => [i.key, i.label, i.count, i.errors])).toEqual(expected());
  });

  it("lists operations with their API, and p95 from the merged histogram", async () => {
    const items = await top(`${range}&dimension=operation`);
    expect(items.map((i) => [i.key, i.label, i.apiId, i.count])).toEqual([
      ["GET /orders", `Orders ${tag} · GET /orders`, ids.apiA, 10],
      ["POST /orders", `Orders ${tag} · POST /orders`, ids.apiA, 5],
      ["GET /invoices", `Billing ${tag} · GET /invoices`, ids.apiB, 3],
    ]);
    expect(items[1]!.p95).toBe(percentiles((r) => r.operation === "POST /orders").p95);
    const one = await top(`${range}&dimension=operation&apiId=${ids.apiA}&limit=1`);
    expect(one.map((i) => i.label)).toEqual(["GET /orders"]);
  });

  it("over long ranges reads the hourly and daily summaries, with exact figures for their keys", async () => {
    const at = (from: number, to: number) => `from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`;
    const hours = at(OLD - HOUR, OLD + 2 * DAY); // hour interval: OLD's day from its hours, the next day whole
    const days = at(OLD - 10 * DAY, OLD + 10 * DAY); // day interval
    const exact = [[ids.s1, 35], [ids.s2, 20]];
    // Before any summary: every hour is read from the rollups.
    expect((await top(`${hours}&dimension=subscription`)).map((i) => [i.key, i.count])).toEqual(exact);

    // An hour is summarised only once late records are unlikely (10 minutes after it closed).
    await refreshTopCandidates({ keysPerBucket: 1, now: new Date(OLD + HOUR + 5 * MINUTE) });
    const summarised = (bucket: number) => analyticsDb().query("SELECT 1 FROM analytics.top_hour_refreshed WHERE bucket = $1", [new Date(bucket)]);
    expect((await summarised(OLD)).rowCount).toBe(0);
    // One key per summary: OLD's hour keeps only s2, so s1's 5 requests there come from the rollups.
    expect(await refreshTopCandidates({ keysPerBucket: 1 })).toBeGreaterThan(0);
    expect((await summarised(OLD)).rowCount).toBe(1);

    for (const range of [hours, days]) {
      const subscriptions = await top(`${range}&dimension=subscription`);
      expect(subscriptions.map((i) => [i.key, i.count])).toEqual(exact);
      expect(subscriptions[0]).toMatchObject({ label: `Shop ${tag}`, errors: 0, p95: percentiles((r) => r.t < T0 && r.subscriptionId === ids.s1).p95 });
      expect((await top(`${range}&dimension=user`)).map((i) => [i.label, i.count])).toEqual([[dev1.email, 35], [dev2.email, 20]]);
      // The documented approximation: POST /orders never was an hour's (here: the one) busiest, so it is no candidate.
      expect((await top(`${range}&dimension=operation`)).map((i) => [i.key, i.count])).toEqual([["GET /orders", 33], ["GET /invoices", 20]]);
    }
    expect(await refreshTopCandidates()).toBe(0); // summarised hours are not filled again
  });
});

describe("GET /analytics/requests/log", () => {
  const log = async (query: string, as?: UserIdentity) => {
    const res = await get(logRoute.GET, `/analytics/requests/log?${range}&${query}`, as);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: { requestId: string; status: number; subscriptionId: string | null; apiName: string | null; t: string }[]; nextCursor: string | null };
  };

  it.each([
    ["status=5xx", 5],
    ["status=404", 2],
    ["reason=key", 4],
    ["gatewayId=gw-2", 3],
  ])("filters by %s", async (query, count) => {
    expect((await log(`${query}&limit=100`)).items).toHaveLength(count);
  });

  it("filters by subscription, request id and trace id, and shows what was recorded", async () => {
    expect((await log(`subscriptionId=${ids.s2}`)).items.map((i) => i.subscriptionId)).toEqual([ids.s2, ids.s2, ids.s2]);
    const [one] = (await log(`requestId=req-${tag}-005`)).items;
    expect(one).toMatchObject({ requestId: `req-${tag}-005`, apiName: `Orders ${tag}`, clientIp: "203.0.113.0", userAgent: "curl", status: 200 });
    expect((await log(`traceId=${(5).toString(16).padStart(32, "0")}`)).items.map((i) => i.requestId)).toEqual([`req-${tag}-005`]);
  });

  it("pages newest first with a cursor, without repeats or gaps", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await log(`limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((i) => i.requestId));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(seen).toEqual(records.filter((r) => r.t >= T0).map((r) => r.requestId).reverse());
  });
});

describe("a developer", () => {
  it("sees only requests made with their own subscriptions", async () => {
    expect((await series(range, dev1)).totals.count).toBe(15);
    expect((await series(`${range}&userId=${dev2.userId}`, dev1)).totals.count).toBe(0);
    expect((await series(`${range}&subscriptionId=${ids.s2}`, dev1)).totals.count).toBe(0);
    expect((await series(`${range}&subscriptionId=${ids.s1}`, dev1)).totals.count).toBe(15);
    expect((await series(`${range}&userId=${dev1.userId}&interval=hour`, dev1)).totals.count).toBe(15);
    expect((await top(`${range}&dimension=subscription`, dev1)).map((i) => i.key)).toEqual([ids.s1]);
    expect((await top(`${range}&dimension=api`, dev2)).map((i) => [i.key, i.count])).toEqual([[ids.apiB, 3]]);
    const res = await get(logRoute.GET, `/analytics/requests/log?${range}&limit=100`, dev2);
    expect(res.body.items.map((i: { subscriptionId: string }) => i.subscriptionId)).toEqual([ids.s2, ids.s2, ids.s2]);
  });
});

describe("bad input", () => {
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  it.each([
    [`/analytics/requests?from=${iso(now)}&to=${iso(now - HOUR)}`, "bad_request", seriesRoute.GET, /must be before/],
    [`/analytics/requests?from=${iso(now - 3 * 24 * HOUR)}&interval=minute`, "bad_request", seriesRoute.GET, /minute covers at most 2 days/],
    [`/analytics/requests?from=${iso(now - 100 * 24 * HOUR)}&interval=hour`, "bad_request", seriesRoute.GET, /hour covers at most 90 days/],
    ["/analytics/requests?from=yesterday", "validation_failed", seriesRoute.GET, /from/],
    ["/analytics/top?dimension=planet", "validation_failed", topRoute.GET, /dimension/],
    ["/analytics/top?dimension=api&limit=1000", "validation_failed", topRoute.GET, /limit/],
    ["/analytics/requests/log?cursor=bm9wZQ", "bad_request", logRoute.GET, /Invalid cursor/],
    ["/analytics/requests/log?status=7xx", "validation_failed", logRoute.GET, /status/],
  ])("%s answers 400 %s", async (path, code, handler, message) => {
    const res = await get(handler, path);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(message);
  });

  it.each([seriesRoute.GET, topRoute.GET, logRoute.GET])("answers 401 without credentials", async (handler) => {
    const res = await get(handler, "/analytics/requests", null);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthorized");
  });
});
