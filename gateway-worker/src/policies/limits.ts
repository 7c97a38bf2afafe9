// Rate limits and quotas, exact across every gateway: all limits of a call
// (product, API or operation, workspace defaults; rate and quota) are checked
// and counted by one atomic script in Redis (limits/limiter.ts), so a call
// rejected by any of them consumes none. One policy, not one per kind: two
// scripts could count a call's rate and then refuse it on quota.
// Every answer of a limited API carries RateLimit-Policy and RateLimit.
import { hash } from "node:crypto";
import { z } from "zod";
import { limitCaller, quotaCounterKey, rateCounterKey } from "../contract/limit-counters.js";
import type { LimitKey } from "../contract/scope-policy.js";
import { rejection } from "../http/errors.js";
import { firstHeaderValue } from "../http/headers.js";
import { compileApiLimits, type ApiLimits, type CallLimits, type CompiledLimit } from "../limits/compile-limits.js";
import type { LimitCheck, LimitDecision } from "../limits/limit-checks.js";
import { LimiterUnavailableError, type Limiter } from "../limits/limiter.js";
import { rateLimitHeaders } from "../limits/ratelimit-headers.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import type { Policy, PolicyContext, Rejection } from "./policy.js";

const settingsSchema = z.custom<ApiLimits>((v) => typeof v === "object" && v !== null && "forCall" in v);

const hashed = (value: string) => hash("sha256", value, "hex").slice(0, 32);

/** Who shares the counter. A call lacking what the key names (no subscription, claim or header) counts by client IP. */
function callerOf(key: LimitKey | undefined, ctx: PolicyContext): string {
  const byIp = limitCaller.ip(ctx.clientIp ?? "unknown");
  switch (key?.by ?? "subscription") {
    case "subscription":
      return ctx.subscription ? limitCaller.subscription(ctx.subscription.id) : byIp;
    case "ip":
      return byIp;
    case "claim": {
      const claim = (key as Extract<LimitKey, { by: "claim" }>).claim;
      const value = ctx.jwt?.claims?.[claim];
      return typeof value === "string" || typeof value === "number" ? limitCaller.claim(claim, hashed(String(value))) : byIp;
    }
    case "header": {
      const header = (key as Extract<LimitKey, { by: "header" }>).header;
      const value = firstHeaderValue(ctx.headers, header.toLowerCase());
      return value ? limitCaller.header(header, hashed(value)) : byIp;
    }
  }
}

function checksFor(limits: readonly CompiledLimit[], ctx: PolicyContext, prefix: string): LimitCheck[] {
  return limits.map((limit): LimitCheck => {
    const caller = callerOf(limit.limitKey, ctx);
    if (limit.kind === "rateLimit") {
      const { calls, periodSeconds } = limit.value;
      return { kind: "rate", scope: limit.scope, key: rateCounterKey(prefix, limit.owner, periodSeconds, caller), calls, windowMs: periodSeconds * 1000 };
    }
    const quota = limit.value;
    return {
      kind: "quota",
      scope: limit.scope,
      key: quotaCounterKey(prefix, limit.owner, quota, caller),
      calls: quota.calls,
      bytes: quota.bandwidthBytes,
      period: quota.period,
      rolling: quota.rolling ?? false,
    };
  });
}

const retryAfter = (ms: number) => String(Math.max(1, Math.ceil(ms / 1000)));

/** A quota refusal wins over a rate one: its wait is the longer, and retrying sooner cannot help. */
function refusal(call: CallLimits, checks: readonly LimitCheck[], decision: LimitDecision): Rejection {
  const exceeded = (kind: LimitCheck["kind"]) =>
    decision.results.filter((r, i) => r.exceeded && checks[i].kind === kind).map((r) => r.resetMs);
  const quotaWaits = exceeded("quota");
  if (quotaWaits.length > 0) {
    const answer = rejection("quota_exceeded", { "retry-after": retryAfter(Math.max(...quotaWaits)) });
    return { ...answer, status: call.quotaExceededStatus };
  }
  return rejection("rate_limited", { "retry-after": retryAfter(Math.max(...exceeded("rate"))) });
}

export function createLimitsPolicy(deps: { limiter: Limiter; prefix: string }): Policy<ApiLimits> {
  const { limiter, prefix } = deps;
  return {
    name: "limits",
    priority: POLICY_PRIORITY.limits,
    schema: settingsSchema,
    settingsFor: (api, snapshot) => compileApiLimits(api, snapshot),
    async handle(ctx, apiLimits) {
      const call = apiLimits.forCall(ctx.subscription?.productId ?? null, ctx.operation);
      if (!call) return undefined;
      const checks = checksFor(call.limits, ctx, prefix);
      let decision: LimitDecision;
      try {
        decision = await limiter.admit(checks, call.failOpen);
      } catch (err) {
        if (err instanceof LimiterUnavailableError) return rejection("limiter_unavailable", { "retry-after": "1" });
        throw err;
      }
      Object.assign(ctx.responseHeaders, rateLimitHeaders(call.limits, decision.results, call.legacyHeaders));
      if (!decision.admitted) return refusal(call, checks, decision);

      const bytesQuotas = checks.flatMap((check, i) =>
        check.kind === "quota" && check.bytes !== null ? [{ key: check.key, periodStart: decision.results[i].periodStart }] : [],
      );
      if (bytesQuotas.length > 0) (ctx.afterResponse ??= []).push((bytes) => limiter.addBytes(bytesQuotas, bytes, decision.shared));
      return undefined;
    },
  };
}
