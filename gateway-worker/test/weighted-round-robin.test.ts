// Smooth weighted round robin: exact shares per cycle, and no bursts.
import { describe, expect, it } from "vitest";
import { WeightedRoundRobin } from "../src/routing/weighted-round-robin";

function picks(weights: Record<string, number>, n: number): string[] {
  const wrr = new WeightedRoundRobin(Object.entries(weights).map(([item, weight]) => ({ item, weight })));
  return Array.from({ length: n }, () => wrr.pick());
}

function count(items: string[]): Record<string, number> {
  return items.reduce<Record<string, number>>((acc, i) => ({ ...acc, [i]: (acc[i] ?? 0) + 1 }), {});
}

describe("WeightedRoundRobin", () => {
  it.each([
    [{ a: 1 }, 5],
    [{ a: 1, b: 1 }, 10],
    [{ a: 3, b: 1 }, 8],
    [{ a: 5, b: 1, c: 1 }, 21],
    [{ a: 2, b: 3, c: 5 }, 100],
  ])("weights %j: exact shares over %i picks", (weights, n) => {
    const total = Object.values(weights).reduce((s, w) => s + w, 0);
    const expected = Object.fromEntries(Object.entries(weights).map(([k, w]) => [k, (w * n) / total]));
    expect(count(picks(weights, n))).toEqual(expected);
  });

  it("is smooth: 5/1/1 interleaves instead of bursting", () => {
    expect(picks({ a: 5, b: 1, c: 1 }, 7)).toEqual(["a", "a", "b", "a", "c", "a", "a"]);
  });

  it("every window of sum(weights) consecutive picks holds the exact shares", () => {
    const seq = picks({ a: 2, b: 1 }, 30);
    for (let i = 0; i + 3 <= seq.length; i += 3) expect(count(seq.slice(i, i + 3))).toEqual({ a: 2, b: 1 });
  });

  it("pickWhere shares among the eligible items by their weights, and answers undefined when none is", () => {
    const wrr = new WeightedRoundRobin([{ item: "a", weight: 3 }, { item: "b", weight: 1 }, { item: "c", weight: 2 }]);
    const withoutC = Array.from({ length: 40 }, () => wrr.pickWhere((i) => i !== "c")!);
    expect(count(withoutC)).toEqual({ a: 30, b: 10 });
    expect(wrr.pickWhere(() => false)).toBeUndefined();
  });

  it.each([[[]], [[{ item: "a", weight: 0 }]], [[{ item: "a", weight: 1.5 }]]])("refuses %j", (items) => {
    expect(() => new WeightedRoundRobin(items)).toThrow();
  });
});
