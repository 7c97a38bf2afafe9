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

/** An sf-integer's text, or null when the value is not one (then the library decides, or refuses). */
const sfInteger = (n: number): string | null => (Number.isInteger(n) && n >= -999_999_999_999_999 && n <= 999_999_999_999_999 ? String(n) : null);
/** Printable ASCII without '"' and '\\': an sf-string that needs no escaping (every limit name the gateway makes). */
const PLAIN_STRING = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * The same two headers, written directly: every item is "<name>";<key>=<integer>..., which
 * is all these headers ever hold, without building Maps for the library's serializer per
 * request. null when some value is not a plain integer or name: then the library does it.
 */
function directHeaders(limits: readonly CompiledLimit[], results: readonly LimitResult[]): { policy: string; state: string } | null {
  let policy = "";
  let state = "";
  for (let i = 0; i < limits.length; i++) {
    const limit = limits[i];
    const result = results[i];
    const w = sfInteger(seconds(result.windowMs));
    const t = sfInteger(seconds(result.resetMs));
    if (w === null || t === null || !PLAIN_STRING.test(limit.scope)) return null;
    const sep = policy === "" ? "" : ", ";
    if (limit.kind === "rateLimit") {
      const q = sfInteger(limit.value.calls);
      const r = sfInteger(result.remaining ?? 0);
      if (q === null || r === null) return null;
      policy += `${sep}"${limit.scope}-rate";q=${q};w=${w}`;
      state += `${sep}"${limit.scope}-rate";r=${r};t=${t}`;
      continue;
    }
    let items = 0;
    if (limit.value.calls !== null) {
      const q = sfInteger(limit.value.calls);
      const r = sfInteger(result.remaining ?? 0);
      if (q === null || r === null) return null;
      policy += `${sep}"${limit.scope}-quota";q=${q};w=${w}`;
      state += `${sep}"${limit.scope}-quota";r=${r};t=${t}`;
      items++;
    }
    if (limit.value.bandwidthBytes !== null) {
      const q = sfInteger(limit.value.bandwidthBytes);
      const r = sfInteger(result.bytesRemaining ?? 0);
      if (q === null || r === null) return null;
      const bytesSep = items > 0 || policy !== "" ? ", " : "";
      policy += `${bytesSep}"${limit.scope}-quota-bytes";q=${q};qu="content-bytes";w=${w}`;
      state += `${bytesSep}"${limit.scope}-quota-bytes";r=${r};t=${t}`;
    }
  }
  return { policy, state };
}

export function rateLimitHeaders(limits: readonly CompiledLimit[], results: readonly LimitResult[], legacy: boolean): Record<string, string> {
  const direct = directHeaders(limits, results);
  const headers: Record<string, string> = direct ? { "ratelimit-policy": direct.policy, ratelimit: direct.state } : serializedHeaders(limits, results);
  if (legacy) Object.assign(headers, legacyHeaders(limits, results));
  return headers;
}

/** What directHeaders writes, through the library's serializer (and its refusals). */
export function serializedHeaders(limits: readonly CompiledLimit[], results: readonly LimitResult[]): Record<string, string> {
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
  return { "ratelimit-policy": serializeList(policy), ratelimit: serializeList(state) };
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
