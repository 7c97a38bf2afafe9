// Where the gateway keeps its rate-limit and quota counters in Redis, and how
// they are laid out, so the console (GET /api/v1/subscriptions/{id}/usage) reads
// exactly what the gateways write. Pure and browser-safe: no Redis client here.
//
// - Rate key: a sorted set of admitted calls in the sliding window, score = the
//   call's time in microseconds (Redis TIME), member = a unique call id. A call
//   is admitted while fewer than `calls` members are younger than the window.
// - Quota key: a hash {start, end (ms since epoch), calls, bytes} for the current
//   period; a call after `end` starts the next period from zero.
import { effectivePolicy, type EffectiveLimit, type PolicyScope, type ScopeChain } from "./effective-policy.ts";
import type { LimitKey, Quota, RateLimit, ScopePolicy } from "./scope-policy.ts";

export type QuotaPeriod = Quota["period"];

/** Whose limit a counter belongs to: the scope that set it, so stacked limits never share a counter. */
export const limitOwner = {
  product: (productId: string) => `product:${productId}`,
  api: (apiId: string) => `api:${apiId}`,
  operation: (apiId: string, method: string, path: string) => `op:${apiId}:${method.toUpperCase()} ${path}`,
  /** A workspace default counts per API: "100 calls a minute" means per API, not across all of them. */
  workspace: (apiId: string) => `workspace:${apiId}`,
};

function ownerOf(scope: PolicyScope, call: LimitedCall): string {
  switch (scope) {
    case "product":
      return limitOwner.product(call.productId!);
    case "operation":
      return limitOwner.operation(call.apiId, call.operation!.method, call.operation!.path);
    case "api":
      return limitOwner.api(call.apiId);
    case "workspace":
      return limitOwner.workspace(call.apiId);
  }
}

/** A call to one API, through one product (or none), to one operation with its own policy (or none). */
export interface LimitedCall {
  apiId: string;
  productId: string | null;
  operation: { method: string; path: string } | null;
}

export type LimitInForce = EffectiveLimit & {
  /** The counter's owner: the scope that set the limit. */
  readonly owner: string;
  /** Who shares its counter; undefined = the subscription, or the client IP without one. */
  readonly limitKey: LimitKey | undefined;
};

/**
 * Every limit such a call must pass and the counter each counts in. The gateway compiles
 * these once per config; the console reads the same counters for a subscription's usage.
 * The product's own limits follow the product's limitKey; the API's (operation's,
 * workspace's) follow the API's chain, so an API may count per IP or per claim instead.
 */
export function limitsInForce(chain: ScopeChain, call: LimitedCall): LimitInForce[] {
  const apiLimitKey = effectivePolicy({ ...chain, product: undefined }).rules.limitKey?.value ?? undefined;
  return effectivePolicy(chain).limits.map((limit) => ({
    ...limit,
    owner: ownerOf(limit.scope, call),
    limitKey: limit.scope === "product" ? (chain.product?.limitKey ?? undefined) : apiLimitKey,
  }));
}

/** A product's scope: its rateLimit/quota are top-level (as in the management API), null there = not set. */
export function productScopePolicy(product: { rateLimit: RateLimit | null; quota: Quota | null; policy?: ScopePolicy }): ScopePolicy {
  const quota = product.quota && (product.quota.calls !== null || product.quota.bandwidthBytes !== null) ? product.quota : undefined;
  return { ...product.policy, rateLimit: product.rateLimit ?? undefined, quota };
}

/** Who shares a counter. Header values and claims arrive hashed (the gateway hashes them; keys stay short). */
export const limitCaller = {
  subscription: (subscriptionId: string) => `sub:${subscriptionId}`,
  ip: (address: string) => `ip:${address}`,
  claim: (claim: string, valueHash: string) => `claim:${claim}:${valueHash}`,
  header: (header: string, valueHash: string) => `header:${header.toLowerCase()}:${valueHash}`,
};

export function rateCounterKey(prefix: string, owner: string, periodSeconds: number, caller: string): string {
  return `${prefix}:limits:rate:${periodSeconds}s:${owner}:${caller}`;
}

export function quotaCounterKey(prefix: string, owner: string, quota: Pick<Quota, "period" | "rolling">, caller: string): string {
  return `${prefix}:limits:quota:${quota.period}${quota.rolling ? "-rolling" : ""}:${owner}:${caller}`;
}

/** Length of a rolling period; a rolling "month" is 30 days. */
export const ROLLING_PERIOD_MS: Record<QuotaPeriod, number> = {
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
};

/**
 * The UTC calendar period containing `nowMs`: hour, day, ISO week (from Monday 00:00)
 * or month. The gateway's Lua script computes the same bounds from Redis TIME.
 */
export function calendarPeriod(period: QuotaPeriod, nowMs: number): { start: number; end: number } {
  const d = new Date(nowMs);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (period) {
    case "hour": {
      const start = nowMs - (nowMs % 3_600_000);
      return { start, end: start + 3_600_000 };
    }
    case "day": {
      const start = Date.UTC(y, m, d.getUTCDate());
      return { start, end: start + 86_400_000 };
    }
    case "week": {
      const mondayOffset = (d.getUTCDay() + 6) % 7;
      const start = Date.UTC(y, m, d.getUTCDate() - mondayOffset);
      return { start, end: start + 7 * 86_400_000 };
    }
    case "month":
      return { start: Date.UTC(y, m, 1), end: Date.UTC(y, m + 1, 1) };
  }
}

/** The period a quota counter that holds nothing yet would start at `nowMs`. */
export function freshQuotaPeriod(quota: Pick<Quota, "period" | "rolling">, nowMs: number): { start: number; end: number } {
  return quota.rolling ? { start: nowMs, end: nowMs + ROLLING_PERIOD_MS[quota.period] } : calendarPeriod(quota.period, nowMs);
}
