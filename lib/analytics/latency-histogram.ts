// Latency histograms that merge: a fixed log-scale bucketing shared by every
// rollup row, so minutes, hours and dimensions combine by adding counts bucket by
// bucket, and p50/p95/p99 of any combination are read off the merged counts, never
// averaged from percentiles. Bucket i > 0 holds latencies in
// (MIN_MS·γ^(i-1), MIN_MS·γ^i], γ = 2^(1/4): a reported percentile is the bucket's
// geometric middle, within ±9 % of the true value. Bucket 0 holds everything up to MIN_MS.
//
// Stored sparse in PostgreSQL as bigint[]: each element is (bucket << 32) | count,
// so a row with three samples carries three numbers. A bucket may repeat (an upsert appends
// and compacts only past COMPACT_AT, ingest/rollups.ts): readers always sum. SQL merges them with
// analytics.hist_merge(a, b) (migration) or by unnesting:
//   SELECT e >> 32 AS bucket, sum(e & 4294967295) AS count FROM t, unnest(t.latency_hist) e GROUP BY 1
export const MIN_MS = 0.05;
const GAMMA = 2 ** 0.25;
const LOG_GAMMA = Math.log(GAMMA);
/** Last bucket: everything above MIN_MS·γ^MAX_BUCKET (≈ 19 min) lands here. */
export const MAX_BUCKET = 127;
const COUNT_BITS = 2 ** 32;

/** Bucket index -> count; only buckets with samples are present. */
export type Histogram = Map<number, number>;

export function bucketOf(ms: number): number {
  if (!(ms > MIN_MS)) return 0; // also NaN and negatives
  return Math.min(MAX_BUCKET, Math.ceil(Math.log(ms / MIN_MS) / LOG_GAMMA - 1e-9));
}

/** The latency a bucket stands for: its geometric middle (bucket 0: MIN_MS). */
export function bucketValueMs(bucket: number): number {
  if (bucket <= 0) return MIN_MS;
  return MIN_MS * GAMMA ** (bucket - 0.5);
}

export function addSample(hist: Histogram, ms: number, count = 1): void {
  const bucket = bucketOf(ms);
  hist.set(bucket, (hist.get(bucket) ?? 0) + count);
}

export function mergeInto(target: Histogram, source: Histogram): void {
  for (const [bucket, count] of source) target.set(bucket, (target.get(bucket) ?? 0) + count);
}

export function histogramOf(latenciesMs: Iterable<number>): Histogram {
  const hist: Histogram = new Map();
  for (const ms of latenciesMs) addSample(hist, ms);
  return hist;
}

/**
 * The q-quantile (0 < q ≤ 1) by the nearest-rank method: the value of the bucket
 * holding the ⌈q·n⌉-th smallest sample; null for an empty histogram.
 */
export function quantileMs(hist: Histogram, q: number): number | null {
  let total = 0;
  for (const count of hist.values()) total += count;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const bucket of [...hist.keys()].sort((a, b) => a - b)) {
    seen += hist.get(bucket)!;
    if (seen >= rank) return roundMs(bucketValueMs(bucket));
  }
  return roundMs(bucketValueMs(MAX_BUCKET));
}

/** p50, p95 and p99, as every analytics answer reports them. */
export function percentilesOf(hist: Histogram): { p50: number | null; p95: number | null; p99: number | null } {
  return { p50: quantileMs(hist, 0.5), p95: quantileMs(hist, 0.95), p99: quantileMs(hist, 0.99) };
}

function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** The stored form: sorted by bucket, each element (bucket << 32) | count, as a string for pg's bigint[]. */
export function encodeHistogram(hist: Histogram): string[] {
  return [...hist.entries()]
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => a - b)
    .map(([bucket, count]) => (BigInt(bucket) * BigInt(COUNT_BITS) + BigInt(count)).toString());
}

/** Reads the stored form back (pg returns bigint[] elements as strings). */
export function decodeHistogram(encoded: readonly (string | number | bigint)[] | null | undefined, into: Histogram = new Map()): Histogram {
  for (const element of encoded ?? []) {
    const value = BigInt(element);
    const bucket = Number(value >> 32n);
    const count = Number(value & 0xffffffffn);
    into.set(bucket, (into.get(bucket) ?? 0) + count);
  }
  return into;
}
