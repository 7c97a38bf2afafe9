// Synthetic gateway traffic for npm run bench:analytics: deterministic batches of
// AnalyticsRecords, in time order over the bench's range, shaped like real traffic
// (a few APIs and subscriptions take most requests, ~3 % refusals with their reasons,
// ~1 % 5xx, log-normal latencies). Batch b is a pure function of (seed, b), so the COPY
// baseline and the ingestion pass load exactly the same rows without holding 10 M
// records in memory.
import type { AnalyticsBatch, AnalyticsRecord } from "@portcullis/gateway/contract/analytics-record";

export type BenchApi = { id: string; path: string; productId: string; usesJwt: boolean };
export type BenchCatalogue = {
  /** In popularity order: apis[0] gets the most traffic. */
  apis: BenchApi[];
  /** Subscription ids of each product, in popularity order within the product. */
  subscriptionsByProduct: Map<string, string[]>;
  ownerOf: Map<string, string>;
};

export type TrafficShape = { records: number; batchSize: number; fromMs: number; toMs: number; gateways: string[]; seed: number };

/** Small, fast, seedable PRNG (sfc32); Math.random cannot be replayed. */
function prng(seed: number) {
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = seed >>> 0;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next();
  const float = () => next() / 4294967296;
  // Box-Muller; one of the pair is enough here.
  const normal = () => Math.sqrt(-2 * Math.log(1 - float())) * Math.cos(2 * Math.PI * float());
  return { u32: next, float, normal, logNormal: (medianMs: number, sigma: number) => medianMs * Math.exp(sigma * normal()) };
}
type Rng = ReturnType<typeof prng>;

/** Zipf(s) over ranks 0..n-1 by inverse CDF (binary search). */
function zipf(n: number, s: number) {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cdf[k] = sum += 1 / (k + 1) ** s;
  for (let k = 0; k < n; k++) cdf[k]! /= sum;
  return (r: Rng) => {
    const u = r.float();
    let lo = 0, hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Pick by weight from [weight, value] rows. */
function weighted<T>(rows: [number, T][]) {
  const total = rows.reduce((s, [w]) => s + w, 0);
  return (r: Rng): T => {
    let u = r.float() * total;
    for (const [w, v] of rows) if ((u -= w) < 0) return v;
    return rows[rows.length - 1]![1];
  };
}

const OPERATIONS = ["GET /items/{id}", "GET /items", "POST /items", "PUT /items/{id}", "DELETE /items/{id}", "GET /search"];
/** The user agents sent, with the family the ingester keeps of each (the COPY baseline stores the family). */
const USER_AGENT_ROWS: [number, string, string][] = [
  [30, "okhttp/4.12.0", "okhttp"],
  [20, "python-requests/2.32.3", "python-requests"],
  [15, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome"],
  [10, "Go-http-client/2.0", "Go-http-client"],
  [8, "curl/8.5.0", "curl"],
  [5, "axios/1.7.9", "axios"],
  [4, "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari"],
  [3, "PostmanRuntime/7.43.0", "PostmanRuntime"],
  [3, "Java/21.0.5", "Java"],
  [2, "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox"],
];
const USER_AGENTS = weighted<string>(USER_AGENT_ROWS.map(([w, ua]) => [w, ua]));
export const userAgentFamily = new Map(USER_AGENT_ROWS.map(([, ua, family]) => [ua, family]));
type Outcome = { status: number; reason: string | null; errorCode: string | null; keyless?: boolean };
const REFUSALS = weighted<Outcome>([
  [30, { status: 401, reason: "key", errorCode: "missing_subscription_key", keyless: true }],
  [30, { status: 429, reason: "rate", errorCode: "rate_limited" }],
  [10, { status: 403, reason: "quota", errorCode: "quota_exceeded" }],
  [8, { status: 400, reason: "validation", errorCode: "request_invalid" }],
  [8, { status: 401, reason: "jwt", errorCode: "invalid_token" }],
  [6, { status: 403, reason: "ip", errorCode: "ip_forbidden" }],
  [4, { status: 413, reason: "size", errorCode: "payload_too_large" }],
  [4, { status: 403, reason: "access", errorCode: "access_denied" }],
]);
const FAILURES = weighted<Outcome>([
  [60, { status: 500, reason: null, errorCode: null }],
  [25, { status: 502, reason: "backend", errorCode: "bad_gateway" }],
  [15, { status: 504, reason: "backend", errorCode: "gateway_timeout" }],
]);
const SUCCESSES = weighted<number>([[95, 200], [2, 201], [1, 204], [1, 304], [1, 404]]);

const hex = (r: Rng, words: number) => {
  let s = "";
  for (let i = 0; i < words; i++) s += r.u32().toString(16).padStart(8, "0");
  return s;
};
const uuid = (r: Rng) => {
  const h = hex(r, 4);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
};

export function syntheticTraffic(catalogue: BenchCatalogue, shape: TrafficShape) {
  const pickApi = zipf(catalogue.apis.length, 1.0);
  const pickOperation = zipf(OPERATIONS.length, 1.2);
  const subscriptionPickers = new Map<number, (r: Rng) => number>();
  const pickSubscription = (n: number) => subscriptionPickers.get(n) ?? subscriptionPickers.set(n, zipf(n, 1.0)).get(n)!;
  // Each API's typical latency and operation count, fixed per API (not per batch).
  const apiTraits = catalogue.apis.map((_, i) => {
    const r = prng(shape.seed * 7919 + i);
    return { medianMs: 8 + r.float() * 150, sigma: 0.5 + r.float() * 0.5, operations: 3 + (r.u32() % 4) };
  });
  const batches = Math.ceil(shape.records / shape.batchSize);
  const spacing = (shape.toMs - shape.fromMs) / shape.records;

  function record(r: Rng, index: number): AnalyticsRecord {
    const a = pickApi(r);
    const api = catalogue.apis[a]!;
    const traits = apiTraits[a]!;
    const operation = OPERATIONS[pickOperation(r) % traits.operations]!;
    const [method, template] = operation.split(" ") as [string, string];
    const subs = catalogue.subscriptionsByProduct.get(api.productId) ?? [];
    const subIndex = subs.length ? pickSubscription(subs.length)(r) : -1;
    const u = r.float();
    const outcome: Outcome = u < 0.03 ? REFUSALS(r) : u < 0.04 ? FAILURES(r) : { status: SUCCESSES(r), reason: null, errorCode: null };
    const refused = outcome.reason !== null && outcome.reason !== "backend";
    const subscriptionId = outcome.keyless || subIndex < 0 ? null : subs[subIndex]!;
    const latencyMs = refused ? r.logNormal(0.6, 0.5) : outcome.status === 504 ? 30_000 + r.float() * 50 : r.logNormal(traits.medianMs, traits.sigma);
    const writes = method !== "GET" && method !== "DELETE";
    return {
      t: Math.floor(shape.fromMs + (index + r.float()) * spacing),
      requestId: uuid(r),
      traceId: r.float() < 0.8 ? hex(r, 4) : null,
      method,
      path: `/${api.path}${template.replace("{id}", String(r.u32() % 100_000))}`,
      apiId: api.id,
      operation,
      productId: subscriptionId ? api.productId : null,
      subscriptionId,
      clientId: api.usesJwt && !refused ? `client-${subIndex % 50}` : null,
      clientIp: subIndex >= 0 && r.float() < 0.95 ? `10.${(subIndex >> 8) & 255}.${subIndex & 255}.${r.u32() % 4}` : `203.0.113.${r.u32() % 256}`,
      status: outcome.status,
      reason: outcome.reason,
      errorCode: outcome.errorCode,
      latencyMs: Math.round(latencyMs * 1000) / 1000,
      upstreamMs: refused ? null : Math.round(latencyMs * (0.8 + r.float() * 0.15) * 1000) / 1000,
      bytesIn: writes ? Math.round(r.logNormal(800, 1)) : 0,
      bytesOut: refused ? 120 + (r.u32() % 60) : Math.round(r.logNormal(2000, 1.2)),
      userAgent: USER_AGENTS(r),
    };
  }

  return {
    batches,
    /** Batch b (0-based), always the same records for the same shape. */
    batch(b: number): AnalyticsBatch {
      const r = prng(shape.seed * 1_000_003 + b);
      const first = b * shape.batchSize;
      const n = Math.min(shape.batchSize, shape.records - first);
      const records = new Array<AnalyticsRecord>(n);
      for (let k = 0; k < n; k++) records[k] = record(r, first + k);
      return { batchId: uuid(r), gatewayId: shape.gateways[b % shape.gateways.length]!, records };
    },
  };
}

/**
 * The batches in chunks of `perChunk` (generated when the chunk is asked for), newest first, so
 * a caller can time only their loading, and a load stopped early holds the most recent days whole.
 */
export function* inChunks(traffic: { batches: number; batch(b: number): AnalyticsBatch }, perChunk: number): Generator<AnalyticsBatch[]> {
  for (let first = traffic.batches - 1; first >= 0; first -= perChunk) {
    const chunk: AnalyticsBatch[] = [];
    for (let b = first; b > Math.max(-1, first - perChunk); b--) chunk.push(traffic.batch(b));
    yield chunk;
  }
}
