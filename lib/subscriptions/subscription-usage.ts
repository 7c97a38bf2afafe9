// A subscription's limits in force and their current use, read from the same
// Redis counters the gateways write (key layout: the contract's limit-counters),
// on Redis's clock, as the gateways' script reads it. Which limits apply is the
// contract's limitsInForce over the same scopes the gateways combine: workspace
// defaults, the product, each API it covers and their operations' own policies.
import "server-only";
import {
  freshQuotaPeriod,
  limitCaller,
  limitsInForce,
  productScopePolicy,
  quotaCounterKey,
  rateCounterKey,
  type LimitInForce,
  type ScopePolicy,
} from "@portcullis/gateway/contract";
import type { Actor } from "@/lib/iam/actor";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { redis } from "@/lib/redis";
import { readScopePolicy } from "@/lib/gateway-policy/stored-scope-policy";
import { productLimits } from "@/lib/products/product-schemas";
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";
import { getOwnedSubscriptionOrThrow } from "./get-owned-subscription-or-throw";
import type { LimitUsage, SubscriptionUsage } from "./subscription-usage-schemas";

/** One scope's limits for the subscription: one rate limit and/or one quota, counted together. */
interface LimitGroup {
  scope: LimitUsage["scope"];
  api: LimitUsage["api"];
  operation: string | null;
  countedBy: LimitUsage["countedBy"];
  rate?: Extract<LimitInForce, { kind: "rateLimit" }>;
  quota?: Extract<LimitInForce, { kind: "quota" }>;
}

const apiSelect = { id: true, name: true, policy: true, operationPolicies: { select: { method: true, path: true, policy: true } } } as const;

async function coveredApisAndProduct(subscription: { productId: string | null; apiId: string | null }) {
  if (subscription.productId) {
    const product = await db().product.findUniqueOrThrow({
      where: { id: subscription.productId },
      include: { apis: { select: { api: { select: apiSelect } }, orderBy: { api: { name: "asc" } } } },
    });
    return { product, apis: product.apis.map((a) => a.api) };
  }
  const api = subscription.apiId ? await db().api.findUnique({ where: { id: subscription.apiId }, select: apiSelect }) : null;
  return { product: null, apis: api ? [api] : [] };
}

async function limitGroups(subscription: { productId: string | null; apiId: string | null }): Promise<LimitGroup[]> {
  const [{ product, apis }, settings] = await Promise.all([coveredApisAndProduct(subscription), getWorkspaceSettings()]);
  const productScope: ScopePolicy | undefined = product ? productScopePolicy({ ...productLimits(product), policy: readScopePolicy(product.policy) }) : undefined;
  const groups = new Map<string, LimitGroup>();
  for (const api of apis) {
    const apiScope = readScopePolicy(api.policy);
    for (const op of [null, ...api.operationPolicies]) {
      const chain = { workspace: settings.gatewayPolicy, product: productScope, api: apiScope, operation: op ? readScopePolicy(op.policy) : undefined };
      const call = { apiId: api.id, productId: product?.id ?? null, operation: op && { method: op.method, path: op.path } };
      for (const limit of limitsInForce(chain, call)) {
        const group = groups.get(limit.owner) ?? {
          scope: limit.scope,
          api: limit.scope === "product" ? null : { id: api.id, name: api.name },
          operation: limit.scope === "operation" && op ? `${op.method.toUpperCase()} ${op.path}` : null,
          countedBy: limit.limitKey ?? { by: "subscription" },
        };
        if (limit.kind === "rateLimit") group.rate = limit;
        else group.quota = limit;
        groups.set(limit.owner, group);
      }
    }
  }
  return [...groups.values()];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What Redis holds for one group's counters; nothing for counters under another key (per IP, claim, header). */
interface Counted {
  inWindow: number;
  oldestMs: number | null;
  quota: Record<string, string>;
}

async function readCounters(groups: readonly LimitGroup[], subscriptionId: string): Promise<{ nowMs: number; counted: Counted[] }> {
  const prefix = env().CONFIG_CHANNEL_PREFIX;
  const caller = limitCaller.subscription(subscriptionId);
  try {
    const [seconds, micros] = await redis().time();
    const nowUs = Number(seconds) * 1_000_000 + Number(micros);
    const batch = redis().multi();
    const reads: ("rate" | "quota")[][] = groups.map((group) => {
      if (group.countedBy.by !== "subscription") return [];
      const kinds: ("rate" | "quota")[] = [];
      if (group.rate) {
        const key = rateCounterKey(prefix, group.rate.owner, group.rate.value.periodSeconds, caller);
        const windowStartUs = nowUs - group.rate.value.periodSeconds * 1_000_000;
        batch.zcount(key, `(${windowStartUs}`, "+inf").zrangebyscore(key, `(${windowStartUs}`, "+inf", "WITHSCORES", "LIMIT", 0, 1);
        kinds.push("rate");
      }
      if (group.quota) {
        batch.hgetall(quotaCounterKey(prefix, group.quota.owner, group.quota.value, caller));
        kinds.push("quota");
      }
      return kinds;
    });
    const replies = reads.some((kinds) => kinds.length > 0)
      ? ((await batch.exec()) ?? []).map(([err, value]) => {
          if (err) throw err;
          return value;
        })
      : [];
    const counted = reads.map((kinds) => {
      const result: Counted = { inWindow: 0, oldestMs: null, quota: {} };
      for (const kind of kinds) {
        if (kind === "rate") {
          result.inWindow = Number(replies.shift());
          const first = replies.shift() as string[];
          result.oldestMs = first.length === 2 ? Math.floor(Number(first[1]) / 1000) : null;
        } else result.quota = replies.shift() as Record<string, string>;
      }
      return result;
    });
    return { nowMs: Math.floor(nowUs / 1000), counted };
  } catch {
    throw new ApiError("usage_unavailable", "Redis, where the gateways count calls, cannot be reached; usage is unknown.");
  }
}

function usageOf(group: LimitGroup, counted: Counted, nowMs: number): LimitUsage {
  const perSubscription = group.countedBy.by === "subscription";
  const rateLimit = group.rate?.value;
  const rate = rateLimit
    ? {
        limit: rateLimit.calls,
        periodSeconds: rateLimit.periodSeconds,
        remaining: perSubscription ? Math.max(rateLimit.calls - counted.inWindow, 0) : null,
        resetsAt: iso(counted.oldestMs === null ? null : counted.oldestMs + rateLimit.periodSeconds * 1000),
      }
    : null;

  let quota: LimitUsage["quota"] = null;
  const limit = group.quota?.value;
  if (limit) {
    const stored = counted.quota;
    // A period that ended (or never began) holds nothing: the gateway starts the next one from zero.
    const live = stored.end !== undefined && nowMs < Number(stored.end);
    const end = live ? Number(stored.end) : limit.rolling ? null : freshQuotaPeriod(limit, nowMs).end;
    const used = (field: "calls" | "bytes") => (perSubscription ? (live ? Number(stored[field] ?? 0) : 0) : null);
    quota = {
      period: limit.period,
      rolling: limit.rolling ?? false,
      calls: limit.calls === null ? null : { limit: limit.calls, used: used("calls"), resetsAt: iso(end) },
      bytes: limit.bandwidthBytes === null ? null : { limit: limit.bandwidthBytes, used: used("bytes"), resetsAt: iso(end) },
    };
  }
  return { scope: group.scope, api: group.api, operation: group.operation, countedBy: group.countedBy, rate, quota };
}

export async function getSubscriptionUsage(id: string, actor: Actor): Promise<SubscriptionUsage> {
  const subscription = await getOwnedSubscriptionOrThrow(id, actor);
  const groups = await limitGroups(subscription);
  if (groups.length === 0) return { subscriptionId: subscription.id, limits: [] };
  const { nowMs, counted } = await readCounters(groups, subscription.id);
  return { subscriptionId: subscription.id, limits: groups.map((group, i) => usageOf(group, counted[i], nowMs)) };
}
