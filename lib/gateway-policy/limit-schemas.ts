// An API's own rate limit and quota, and how its limits are counted and
// answered, as the management API takes and shows them (PATCH /api/v1/apis/{id}).
// Each field is the contract's schema (gateway-worker/src/contract/scope-policy.ts),
// so the console accepts exactly what a gateway enforces. Browser-safe: forms use these.
import { z } from "zod";
import { limitKeySchema, quotaSchema, rateLimitSchema, type ScopePolicy } from "@portcullis/gateway/contract";

export const LIMIT_FIELD_NAMES = ["rateLimit", "quota", "limitKey", "onLimiterFailure", "legacyRateLimitHeaders"] as const;

/** PATCH fields: absent keeps the stored value, null removes the API's own limit (the product's still applies). */
export const limitInputFields = {
  rateLimit: rateLimitSchema
    .nullable()
    .optional()
    .describe("The API's own rate limit, per caller, on top of its product's: calls per sliding window of periodSeconds. 429 rate_limited with Retry-After. null: none"),
  quota: quotaSchema
    .nullable()
    .optional()
    .describe("The API's own quota of calls and/or response bytes per UTC hour, day, ISO week or month (rolling: from the first call). 429 quota_exceeded. null: none"),
  limitKey: limitKeySchema
    .optional()
    .describe("Who shares a counter of this API's limits: the subscription (default), the client IP, a JWT claim or a header; without it, the client IP"),
  onLimiterFailure: z
    .enum(["open", "closed"])
    .optional()
    .describe("When the gateways cannot reach Redis: open (default) counts per gateway instance, closed answers 503 limiter_unavailable"),
  legacyRateLimitHeaders: z.boolean().optional().describe("Also send X-RateLimit-Limit, -Remaining and -Reset beside RateLimit-Policy and RateLimit"),
};

/** What an answer shows: null (or the default) when the API sets none. */
export const limitResourceFields = {
  rateLimit: rateLimitSchema.nullable().describe("The API's own rate limit; null: none set here"),
  quota: quotaSchema.nullable().describe("The API's own quota; null: none set here"),
  limitKey: limitKeySchema.nullable().describe("Counter key of this API's limits; null: the subscription (or client IP without one)"),
  onLimiterFailure: z.enum(["open", "closed"]).describe("Behaviour while the limiter's Redis is unreachable"),
  legacyRateLimitHeaders: z.boolean().describe("Whether X-RateLimit-* headers are sent"),
};

export type LimitsResource = { [K in keyof typeof limitResourceFields]: z.infer<(typeof limitResourceFields)[K]> };

export function readLimits(policy: ScopePolicy): LimitsResource {
  return {
    rateLimit: policy.rateLimit ?? null,
    quota: policy.quota ?? null,
    limitKey: policy.limitKey ?? null,
    onLimiterFailure: policy.onLimiterFailure ?? "open",
    legacyRateLimitHeaders: policy.legacyRateLimitHeaders ?? false,
  };
}
