// A subscription's limits in force and their current use, read from the same
// Redis counters the gateways write (key layout: the contract's limit-counters),
// on Redis's clock, as the gateways' script reads it. A product subscription
// shows its product's limits; a single-API subscription its API's own.
import "server-only";
import {
  freshQuotaPeriod,
  limitCaller,
  limitOwner,
  quotaCounterKey,
  rateCounterKey,
  type LimitKey,
  type Quota,
  type RateLimit,
} from "@portcullis/gateway/contract";
import type { Actor } from "@/lib/iam/actor";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { redis } from "@/lib/redis";
import { readScopePolicy } from "@/lib/gateway-policy/stored-scope-policy";
import { productLimits } from "@/lib/products/product-schemas";
import { getOwnedSubscriptionOrThrow } from "./get-owned-subscription-or-throw";
import type { SubscriptionUsage } from "./subscription-usage-schemas";

interface LimitsInForce {
  scope: "product" | "api";
  owner: string;
  countedBy: LimitKey;
  rateLimit: RateLimit | null;
  quota: Quota | null;
}

async function limitsInForce(subscription: { productId: string | null; apiId: string | null }): Promise<LimitsInForce | null> {
  if (subscription.productId) {
    const product = await db().product.findUniqueOrThrow({ where: { id: subscription.productId } });
    const { rateLimit, quota } = productLimits(product);
    return {
      scope: "product",
      owner: limitOwner.product(product.id),
      countedBy: readScopePolicy(product.policy).limitKey ?? { by: "subscription" },
      rateLimit,
      quota: quota && (quota.calls !== null || quota.bandwidthBytes !== null) ? quota : null,
    };
  }
  if (subscription.apiId) {
    const api = await db().api.findUniqueOrThrow({ where: { id: subscription.apiId } });
    const policy = readScopePolicy(api.policy);
    return {
      scope: "api",
      owner: limitOwner.api(api.id),
      countedBy: policy.limitKey ?? { by: "subscription" },
      rateLimit: policy.rateLimit ?? null,
      quota: policy.quota ?? null,
    };
  }
  return null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function getSubscriptionUsage(id: string, actor: Actor): Promise<SubscriptionUsage> {
  const subscription = await getOwnedSubscriptionOrThrow(id, actor);
  const limits = await limitsInForce(subscription);
  const countedBy = limits?.countedBy ?? { by: "subscription" as const };
  const base = { subscriptionId: subscription.id, scope: limits?.scope ?? (subscription.productId ? "product" : "api"), countedBy } as const;
  if (!limits || (!limits.rateLimit && !limits.quota)) return { ...base, rate: null, quota: null };

  // Counters under another key (per IP, claim, header) are not this subscription's alone: limits only.
  const perSubscription = countedBy.by === "subscription";
  const prefix = env().CONFIG_CHANNEL_PREFIX;
  const caller = limitCaller.subscription(subscription.id);
  const rateKey = limits.rateLimit && rateCounterKey(prefix, limits.owner, limits.rateLimit.periodSeconds, caller);
  const quotaKey = limits.quota && quotaCounterKey(prefix, limits.owner, limits.quota, caller);

  let now: number;
  let inWindow = 0;
  let oldest: number | null = null;
  let stored: Record<string, string> = {};
  try {
    const [seconds, micros] = await redis().time();
    const nowUs = Number(seconds) * 1_000_000 + Number(micros);
    now = Math.floor(nowUs / 1000);
    if (perSubscription && (rateKey || quotaKey)) {
      const batch = redis().multi();
      if (rateKey) {
        const windowStartUs = nowUs - limits.rateLimit!.periodSeconds * 1_000_000;
        batch.zcount(rateKey, `(${windowStartUs}`, "+inf").zrangebyscore(rateKey, `(${windowStartUs}`, "+inf", "WITHSCORES", "LIMIT", 0, 1);
      }
      if (quotaKey) batch.hgetall(quotaKey);
      const replies = ((await batch.exec()) ?? []).map(([err, value]) => {
        if (err) throw err;
        return value;
      });
      if (rateKey) {
        inWindow = Number(replies.shift());
        const first = replies.shift() as string[];
        oldest = first.length === 2 ? Math.floor(Number(first[1]) / 1000) : null;
      }
      if (quotaKey) stored = replies.shift() as Record<string, string>;
    }
  } catch {
    throw new ApiError("usage_unavailable", "Redis, where the gateways count calls, cannot be reached; usage is unknown.");
  }

  const rate = limits.rateLimit && {
    limit: limits.rateLimit.calls,
    periodSeconds: limits.rateLimit.periodSeconds,
    remaining: perSubscription ? Math.max(limits.rateLimit.calls - inWindow, 0) : null,
    resetsAt: iso(oldest === null ? null : oldest + limits.rateLimit.periodSeconds * 1000),
  };

  let quota: SubscriptionUsage["quota"] = null;
  if (limits.quota) {
    // A period that ended (or never began) holds nothing: the gateway starts the next one from zero.
    const live = stored.end !== undefined && now < Number(stored.end);
    const end = live ? Number(stored.end) : limits.quota.rolling ? null : freshQuotaPeriod(limits.quota, now).end;
    const used = (field: "calls" | "bytes") => (perSubscription ? (live ? Number(stored[field] ?? 0) : 0) : null);
    quota = {
      period: limits.quota.period,
      rolling: limits.quota.rolling ?? false,
      calls: limits.quota.calls === null ? null : { limit: limits.quota.calls, used: used("calls"), resetsAt: iso(end) },
      bytes: limits.quota.bandwidthBytes === null ? null : { limit: limits.quota.bandwidthBytes, used: used("bytes"), resetsAt: iso(end) },
    };
  }
  return { ...base, rate, quota };
}
