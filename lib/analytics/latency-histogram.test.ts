import { describe, expect, it } from "vitest";
import { bucketOf, bucketValueMs, decodeHistogram, encodeHistogram, histogramOf, mergeInto, quantileMs } from "./latency-histogram";

describe("latency histogram", () => {
  it("reports a quantile within 10 % of the exact nearest-rank value", () => {
    const samples = Array.from({ length: 5000 }, (_, i) => 0.2 + ((i * 7919) % 5000) * 0.37);
    const sorted = [...samples].sort((a, b) => a - b);
    const hist = histogramOf(samples);
    for (const q of [0.5, 0.95, 0.99]) {
      const exact = sorted[Math.ceil(q * sorted.length) - 1]!;
      expect(Math.abs(quantileMs(hist, q)! - exact) / exact).toBeLessThan(0.1);
    }
  });

  it("merges: the quantiles of two merged halves equal those of the whole", () => {
    const a = Array.from({ length: 999 }, (_, i) => 1 + i);
    const b = Array.from({ length: 501 }, (_, i) => 500 + i * 3);
    const merged = histogramOf(a);
    mergeInto(merged, histogramOf(b));
    const whole = histogramOf([...a, ...b]);
    for (const q of [0.5, 0.95, 0.99]) expect(quantileMs(merged, q)).toBe(quantileMs(whole, q));
  });

  it("round-trips through the stored bigint[] form", () => {
    const hist = histogramOf([0.01, 3, 3, 3, 250, 1e12]);
    expect(decodeHistogram(encodeHistogram(hist))).toEqual(hist);
    expect(bucketOf(0.01)).toBe(0);
    expect(bucketOf(1e12)).toBe(127);
    expect(bucketValueMs(bucketOf(3))).toBeGreaterThan(3 / 1.1);
    expect(quantileMs(new Map(), 0.5)).toBeNull();
  });
});
