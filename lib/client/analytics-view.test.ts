import { describe, expect, it } from "vitest";
import { allowedIntervals, bucketView, isLive, resolveRange, spanOf, toQueryFilters, viewFromParams, viewToParams, withFilter, type AnalyticsView } from "./analytics-view";

const params = (query: string) => new URLSearchParams(query);
const now = Date.parse("2026-12-02T12:00:00.000Z");

describe("viewFromParams / viewToParams", () => {
  it("defaults to the last hour without filters", () => {
    expect(viewFromParams(params(""))).toEqual({ range: "1h", filters: {}, interval: undefined });
  });

  it("reads a preset, an interval and the filters, and writes them back", () => {
    const view = viewFromParams(params("range=7d&interval=hour&apiId=api_1&operation=GET%20%2Fhello&subscriptionId=s1&junk=1"));
    expect(view).toEqual({ range: "7d", interval: "hour", filters: { apiId: "api_1", operation: "GET /hello", subscriptionId: "s1" } });
    expect(viewToParams(view).toString()).toBe("range=7d&interval=hour&apiId=api_1&operation=GET+%2Fhello&subscriptionId=s1");
  });

  it("keeps a custom range only with two valid, ordered ends", () => {
    const from = "2026-12-01T00:00:00.000Z";
    const to = "2026-12-02T00:00:00.000Z";
    expect(viewFromParams(params(`range=custom&from=${from}&to=${to}`))).toMatchObject({ range: "custom", from, to });
    expect(viewFromParams(params(`range=custom&from=${to}&to=${from}`)).range).toBe("1h");
    expect(viewFromParams(params(`range=custom&from=yesterday&to=${to}`)).range).toBe("1h");
    expect(viewFromParams(params("range=2y&interval=week")).range).toBe("1h");
    expect(viewFromParams(params("interval=week")).interval).toBeUndefined();
  });

  it("adds a page's own params after the view's", () => {
    expect(viewToParams({ range: "15m", filters: {} }, { status: "5xx", requestId: undefined }).toString()).toBe("range=15m&status=5xx");
  });
});

describe("resolveRange and isLive", () => {
  it.each([
    ["15m", "2026-12-02T11:45:00.000Z", true],
    ["1h", "2026-12-02T11:00:00.000Z", true],
    ["1d", "2026-12-01T12:00:00.000Z", true],
    ["7d", "2026-11-25T12:00:00.000Z", false],
    ["30d", "2026-11-02T12:00:00.000Z", false],
  ] as const)("%s starts at %s and live is %s", (range, from, live) => {
    const view: AnalyticsView = { range, filters: {} };
    expect(resolveRange(view, now)).toEqual({ from, to: "2026-12-02T12:00:00.000Z" });
    expect(isLive(view)).toBe(live);
  });

  it("a custom range is fixed and never live", () => {
    const view: AnalyticsView = { range: "custom", from: "2026-01-01T00:00:00.000Z", to: "2026-01-02T00:00:00.000Z", filters: {} };
    expect(resolveRange(view, now)).toEqual({ from: view.from, to: view.to });
    expect(isLive(view)).toBe(false);
  });
});

describe("toQueryFilters", () => {
  it("sends a preset as a moving range and a custom range as its ends, with the filters", () => {
    expect(toQueryFilters({ range: "15m", filters: { apiId: "a" } })).toEqual({ lastMs: 900_000, apiId: "a" });
    const custom: AnalyticsView = { range: "custom", from: "2026-01-01T00:00:00.000Z", to: "2026-01-03T00:00:00.000Z", filters: {} };
    expect(toQueryFilters(custom)).toEqual({ from: custom.from, to: custom.to });
    expect(spanOf(custom)).toBe(2 * 86_400_000);
    expect(spanOf({ range: "7d", filters: {} })).toBe(7 * 86_400_000);
  });
});

describe("allowedIntervals", () => {
  it.each([
    [3_600_000, ["minute", "hour", "day"]],
    [2 * 86_400_000, ["minute", "hour", "day"]],
    [2 * 86_400_000 + 1, ["hour", "day"]],
    [90 * 86_400_000 + 1, ["day"]],
  ])("a span of %i ms allows %j", (span, expected) => {
    expect(allowedIntervals(span)).toEqual(expected);
  });
});

describe("drill-down", () => {
  const view: AnalyticsView = { range: "1h", interval: "minute", filters: { apiId: "a", operation: "GET /x", gatewayId: "g" } };

  it("a bucket becomes a custom range of its width, filters kept", () => {
    expect(bucketView(view, "2026-12-02T11:05:00.000Z", "minute")).toEqual({
      range: "custom",
      from: "2026-12-02T11:05:00.000Z",
      to: "2026-12-02T11:06:00.000Z",
      interval: undefined,
      filters: view.filters,
    });
  });

  it("changing or clearing the API drops its operation; other filters stay", () => {
    expect(withFilter(view, "apiId", "b").filters).toEqual({ apiId: "b", gatewayId: "g" });
    expect(withFilter(view, "apiId", undefined).filters).toEqual({ gatewayId: "g" });
    expect(withFilter(view, "apiId", "a").filters).toEqual(view.filters);
    expect(withFilter(view, "subscriptionId", "s").filters).toEqual({ ...view.filters, subscriptionId: "s" });
  });
});
