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

export function rateLimitHeaders(limits: readonly CompiledLimit[], results: readonly LimitResult[], legacy: boolean): Record<string, string> {
  const policy: List = [];
  const state: List = [];
  limits.forEach((limit, i) => {
    const result = results[i];
    const w = seconds(result.windowMs);
    const t = seconds(result.resetMs);
    if (limit.kind === "rateLimit") {
      const name = `${limit.scope}-rate`;
      policy.push([name, new Map([["q", limit.value.calls], ["w", w]])]);
      state.push([name, new Map([["r", result.remaining ?? 0], ["t", t]])]);
      return;
    }
    const name = `${limit.scope}-quota`;
    if (limit.value.calls !== null) {
      policy.push([name, new Map([["q", limit.value.calls], ["w", w]])]);
      state.push([name, new Map([["r", result.remaining ?? 0], ["t", t]])]);
    }
    if (limit.value.bandwidthBytes !== null) {
      policy.push([`${name}-bytes`, new Map<string, string | number>([["q", limit.value.bandwidthBytes], ["qu", "content-bytes"], ["w", w]])]);
      state.push([`${name}-bytes`, new Map([["r", result.bytesRemaining ?? 0], ["t", t]])]);
    }
  });
  const headers: Record<string, string> = { "ratelimit-policy": serializeList(policy), ratelimit: serializeList(state) };
  if (legacy) Object.assign(headers, legacyHeaders(limits, results));
  return headers;
}

function legacyHeaders(limits: readonly CompiledLimit[], results: readonly LimitResult[]): Record<string, string> {
  let tightest: { limit: number; remaining: number; resetMs: number } | undefined;
  limits.forEach((limit, i) => {
    const calls = limit.kind === "rateLimit" ? limit.value.calls : limit.value.calls;
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
