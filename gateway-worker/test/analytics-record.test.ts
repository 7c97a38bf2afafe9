// A record the ingester refuses costs it the whole batch, so whatever a request
// carries, its record must fit the contract; and the analytics settings are
// read from the environment with the contract's limits.
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { analyticsRecordOf, type AnsweredRequest } from "../src/analytics/request-record";
import { analyticsRecordSchema, MAX_ANALYTICS_BATCH } from "../src/contract/analytics-record";
import { loadGatewayEnv } from "../src/env";

const request = (headers: Record<string, string>, method = "GET") =>
  ({ method, headers, socket: { remoteAddress: "::ffff:10.1.2.3" } }) as unknown as IncomingMessage;

const answered = (overrides: Partial<AnsweredRequest> = {}): AnsweredRequest => ({
  arrivedAt: 1_790_000_000_000.7,
  requestId: "req-1",
  path: "/demo/orders",
  fields: {},
  status: 200,
  errorCode: undefined,
  latencyMs: 3.14159,
  upstreamMs: undefined,
  bytesIn: 0,
  bytesOut: 12,
  ...overrides,
});

describe("analyticsRecordOf", () => {
  it("cuts every value to the contract's limits", () => {
    const long = (n: number) => "x".repeat(n);
    const record = analyticsRecordOf(
      request({ "user-agent": long(1000) }),
      answered({
        requestId: long(300),
        path: `/${long(5000)}`,
        fields: { apiId: long(300), operation: `GET /${long(3000)}`, productId: long(300), subscriptionId: long(300), clientId: long(300), clientIp: long(100), traceId: "not-a-trace" },
        errorCode: long(100),
      }),
    );
    expect(() => analyticsRecordSchema.parse(record)).not.toThrow();
    expect(record).toMatchObject({ traceId: null, reason: "other", t: 1_790_000_000_000, latencyMs: 3.142 });
    expect(record.userAgent).toHaveLength(256);
    expect(record.path).toHaveLength(2048);
  });

  it.each([
    ["rate_limited", "rate"],
    ["missing_subscription_key", "key"],
    ["backend_timeout", "backend"],
    ["payload_too_large", "size"],
  ])("gives %s the reason %s", (errorCode, reason) => {
    const record = analyticsRecordOf(request({}), answered({ status: 429, errorCode }));
    expect(record).toMatchObject({ reason, errorCode });
  });

  it("leaves out what was not there: no key, no token, no backend, no user agent", () => {
    const record = analyticsRecordOf(request({}), answered());
    expect(analyticsRecordSchema.parse(record)).toMatchObject({
      apiId: null,
      operation: null,
      productId: null,
      subscriptionId: null,
      clientId: null,
      upstreamMs: null,
      userAgent: null,
      reason: null,
      errorCode: null,
      clientIp: "::ffff:10.1.2.3", // no address resolved by admission (refused path): the socket's peer
    });
  });
});

describe("analytics environment", () => {
  it("is on by default with 500 records or 1 s per batch and 50,000 records buffered", () => {
    expect(loadGatewayEnv({})).toMatchObject({ ANALYTICS_ENABLED: true, ANALYTICS_BATCH_SIZE: 500, ANALYTICS_FLUSH_MS: 1000, ANALYTICS_BUFFER_MAX: 50_000 });
    expect(loadGatewayEnv({ ANALYTICS_ENABLED: "false" }).ANALYTICS_ENABLED).toBe(false);
  });

  it.each([
    [{ ANALYTICS_BATCH_SIZE: String(MAX_ANALYTICS_BATCH + 1) }, /ANALYTICS_BATCH_SIZE/],
    [{ ANALYTICS_BATCH_SIZE: "0" }, /ANALYTICS_BATCH_SIZE/],
    [{ ANALYTICS_BATCH_SIZE: "1000", ANALYTICS_BUFFER_MAX: "999" }, /ANALYTICS_BUFFER_MAX: must be at least ANALYTICS_BATCH_SIZE/],
    [{ ANALYTICS_ENABLED: "perhaps" }, /ANALYTICS_ENABLED/],
  ])("refuses %o", (env, message) => {
    expect(() => loadGatewayEnv(env)).toThrow(message);
  });
});
