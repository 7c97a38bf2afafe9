// The limit headers of draft-ietf-httpapi-ratelimit-headers-11, one list item
// per limit, serialized as Structured Fields (RFC 9651):
//   RateLimit-Policy: "product-rate";q=100;w=60, "product-quota";q=1000;w=86400
//   RateLimit: "product-rate";r=42;t=18, "product-quota";r=958;t=3600
// A bytes quota is its own item with qu="content-bytes". Legacy
// X-RateLimit-* headers describe the tightest call limit, for APIs that ask.
import { serializeList, type List } from "structured-headers";
import type { CompiledLimit } from "./compile-limits.js";
import type { LimitResult } from "./limit-checks.js";

const seconds = (ms: number) => Math.ceil(ms / 1000);

/** One list item of both headers: its name, and the policy's parameters but for the window. */
interface HeaderItem {
  name: string;
  /** The limit (and so the result) it reports on: a quota with a bytes limit has two items. */
  at: number;
  policy: Map<string, string | number>;
  /** Which value of the limit's result the item reports: calls or bytes remaining. */
  remaining(result: LimitResult): number;
}

function headerItems(limits: readonly CompiledLimit[]): HeaderItem[] {
  const items: HeaderItem[] = [];
  const calls = (result: LimitResult) => result.remaining ?? 0;
  limits.forEach((limit, at) => {
    if (limit.kind === "rateLimit") {
      items.push({ name: `${limit.scope}-rate`, at, policy: new Map([["q", limit.value.calls]]), remaining: calls });
      return;
    }
    const name = `${limit.scope}-quota`;
    if (limit.value.calls !== null) items.push({ name, at, policy: new Map([["q", limit.value.calls]]), remaining: calls });
    if (limit.value.bandwidthBytes !== null) {
      items.push({
        name: `${name}-bytes`,
        at,
        policy: new Map<string, string | number>([["q", limit.value.bandwidthBytes], ["qu", "content-bytes"]]),
        remaining: (result) => result.bytesRemaining ?? 0,
      });
    }
  });
  return items;
}

/**
 * Per call's limits (compiled once per config): the items and the last RateLimit-Policy
 * serialized. The policy changes only with a window's length (a calendar month's), so
 * nearly every request reuses it and serializes only RateLimit.
 */
const shapes = new WeakMap<readonly CompiledLimit[], { items: HeaderItem[]; windows: number[]; policy: string }>();

export function rateLimitHeaders(limits: readonly CompiledLimit[], results: readonly LimitResult[], legacy: boolean): Record<string, string> {
  let shape = shapes.get(limits);
  if (!shape) {
    shape = { items: headerItems(limits), windows: [], policy: "" };
    shapes.set(limits, shape);
  }
  const { windows } = shape;
  if (windows.length !== results.length || results.some((r, i) => seconds(r.windowMs) !== windows[i])) {
    const policy: List = shape.items.map((item) => [item.name, new Map([...item.policy, ["w", seconds(results[item.at].windowMs)]])]);
    shape.policy = serializeList(policy);
    shape.windows = results.map((r) => seconds(r.windowMs));
  }
  const state: List = shape.items.map((item) => {
    const result = results[item.at];
    return [item.name, new Map([["r", item.remaining(result)], ["t", seconds(result.resetMs)]])];
  });
  const headers: Record<string, string> = { "ratelimit-policy": shape.policy, ratelimit: serializeList(state) };
  if (legacy) Object.assign(headers, legacyHeaders(limits, results));
  return headers;
}

function legacyHeaders(limits: readonly CompiledLimit[], results: readonly LimitResult[]): Record<string, string> {
  let tightest: { limit: number; remaining: number; resetMs: number } | undefined;
  limits.forEach((limit, i) => {
    const calls = limit.value.calls;
    const remaining = results[i].remaining;
    if (calls === null || remaining === null) return;
    if (!tightest || remaining < tightest.remaining) tightest = { limit: calls, remaining, resetMs: results[i].resetMs };
  });
  if (!tightest) return {};
  return {
    "x-ratelimit-limit": String(tightest.limit),
    "x-ratelimit-remaining": String(tightest.remaining),
    "x-ratelimit-reset": String(seconds(tightest.resetMs)),
  };
}
