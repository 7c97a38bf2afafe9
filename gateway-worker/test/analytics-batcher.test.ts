// The batcher on its own, with a fake send: batches by count and by time,
// a bounded buffer that drops the oldest and says how many, and a failed send
// kept (same batch id) and sent again rather than lost.
import { afterEach, describe, expect, it, vi } from "vitest";
import { AnalyticsBatcher, type BatcherOptions } from "../src/analytics/analytics-batcher";
import { analyticsBatchSchema, type AnalyticsBatch, type AnalyticsRecord } from "../src/contract/analytics-record";

const record = (n: number): AnalyticsRecord => ({
  t: 1_700_000_000_000 + n,
  requestId: `req-${n}`,
  traceId: null,
  method: "GET",
  path: "/demo/orders",
  apiId: "api-demo",
  operation: null,
  productId: null,
  subscriptionId: null,
  clientId: null,
  clientIp: "127.0.0.1",
  status: 200,
  reason: null,
  errorCode: null,
  latencyMs: 1.5,
  upstreamMs: 1,
  bytesIn: 0,
  bytesOut: 10,
  userAgent: null,
});
const ids = (batch: AnalyticsBatch) => batch.records.map((r) => r.requestId);

/** A batcher whose sends are recorded; `fail` makes the next sends reject. */
function setUp(overrides: Partial<BatcherOptions> = {}) {
  const sent: AnalyticsBatch[] = [];
  const attempts: string[] = [];
  const counts = { sent: 0, dropped: 0 };
  const state = { fail: false };
  const batcher = new AnalyticsBatcher({
    gatewayId: "gw-test",
    batchSize: 3,
    flushMs: 1000,
    bufferMax: 10,
    retryDelayMs: () => 500,
    async send(batch) {
      attempts.push(batch.batchId);
      if (state.fail) throw new Error("redis down");
      sent.push(structuredClone(batch));
    },
    onSent: (n) => (counts.sent += n),
    onDropped: (n) => (counts.dropped += n),
    ...overrides,
  });
  return { batcher, sent, attempts, counts, state };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("analytics batcher", () => {
  it("sends a batch as soon as it holds batchSize records", async () => {
    vi.useFakeTimers();
    const { batcher, sent, counts } = setUp();
    for (let n = 1; n <= 7; n++) batcher.push(record(n));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map(ids)).toEqual([["req-1", "req-2", "req-3"], ["req-4", "req-5", "req-6"]]);
    expect(counts.sent).toBe(6);
    expect(batcher.buffered).toBe(1);
    // Each batch is valid for the ingester: the contract's schema, the gateway's id, a fresh UUID.
    for (const batch of sent) expect(analyticsBatchSchema.parse(batch).gatewayId).toBe("gw-test");
    expect(new Set(sent.map((b) => b.batchId)).size).toBe(2);
  });

  it("sends a partial batch flushMs after its first record", async () => {
    vi.useFakeTimers();
    const { batcher, sent } = setUp();
    batcher.push(record(1));
    await vi.advanceTimersByTimeAsync(600);
    batcher.push(record(2));
    await vi.advanceTimersByTimeAsync(399);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.map(ids)).toEqual([["req-1", "req-2"]]);
    expect(batcher.buffered).toBe(0);
  });

  it("keeps a batch whose send failed and sends it again, with the same id", async () => {
    vi.useFakeTimers();
    const { batcher, sent, attempts, state, counts } = setUp();
    state.fail = true;
    for (let n = 1; n <= 3; n++) batcher.push(record(n));
    await vi.advanceTimersByTimeAsync(0);
    expect(attempts).toHaveLength(1);
    expect(batcher.buffered).toBe(3);
    await vi.advanceTimersByTimeAsync(500); // second attempt fails too
    expect(attempts).toHaveLength(2);
    state.fail = false;
    await vi.advanceTimersByTimeAsync(500);
    expect(sent.map(ids)).toEqual([["req-1", "req-2", "req-3"]]);
    expect(new Set(attempts)).toEqual(new Set([sent[0]!.batchId]));
    expect(counts).toEqual({ sent: 3, dropped: 0 });
    expect(batcher.buffered).toBe(0);
  });

  it("drops the oldest records beyond bufferMax and counts them, never the batch being sent", async () => {
    vi.useFakeTimers();
    let release: () => void = () => undefined;
    let calls = 0;
    const { batcher, sent, counts, state } = setUp({
      // The first send hangs (a slow Redis), the next ones fail until told otherwise.
      send: async (batch) => {
        calls++;
        if (calls === 1) await new Promise<void>((resolve) => (release = resolve));
        else if (state.fail) throw new Error("redis down");
        sent.push(structuredClone(batch));
      },
    });
    state.fail = true;
    for (let n = 1; n <= 14; n++) batcher.push(record(n));
    expect(batcher.buffered).toBe(10);
    expect(counts.dropped).toBe(4);
    release();
    await vi.advanceTimersByTimeAsync(0);
    // In flight while the buffer overflowed: sent whole. After it, records 4-7 were the oldest.
    expect(sent.map(ids)).toEqual([["req-1", "req-2", "req-3"]]);
    state.fail = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent.flatMap(ids)).toEqual(["req-1", "req-2", "req-3", "req-8", "req-9", "req-10", "req-11", "req-12", "req-13", "req-14"]);
    expect(counts).toEqual({ sent: 10, dropped: 4 });
    expect(batcher.buffered).toBe(0);
  });

  it("stays bounded through a long outage, dropping exactly what exceeds the buffer", async () => {
    vi.useFakeTimers();
    const { batcher, state, counts, sent } = setUp({ batchSize: 4, bufferMax: 20 });
    state.fail = true;
    for (let n = 1; n <= 1000; n++) {
      batcher.push(record(n));
      if (n % 50 === 0) await vi.advanceTimersByTimeAsync(100);
      expect(batcher.buffered).toBeLessThanOrEqual(20);
    }
    expect(counts.dropped).toBe(980);
    state.fail = false;
    batcher.retryNow();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent.flatMap(ids)).toEqual(Array.from({ length: 20 }, (_, i) => `req-${981 + i}`));
  });

  it("sends what it holds on close, and says what it could not send in time", async () => {
    const { batcher, sent } = setUp({ flushMs: 60_000 });
    batcher.push(record(1));
    batcher.push(record(2));
    await expect(batcher.close(1000)).resolves.toBe(0);
    expect(sent.map(ids)).toEqual([["req-1", "req-2"]]);

    const down = setUp({ flushMs: 60_000 });
    down.state.fail = true;
    down.batcher.push(record(3));
    const started = Date.now();
    await expect(down.batcher.close(300)).resolves.toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(down.attempts.length).toBeGreaterThan(1); // retried quickly while closing
  });

  it("refuses a buffer smaller than one batch", () => {
    expect(() => setUp({ batchSize: 10, bufferMax: 5 })).toThrow(/bufferMax/);
  });
});
