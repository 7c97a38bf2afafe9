// Gateway rules and limits that can be set at four scopes, as Azure's policies
// are: workspace defaults, product, API, operation. One shape for every scope,
// so the console stores, validates and documents it once and the gateway and
// the console's effective-policy answer merge it with the same function
// (effective-policy.ts). At each scope a field that is absent inherits from
// the wider scope; null clears it at this scope ("no CORS here").
import { z } from "zod";
import { portalCorsFields, requestRuleFields } from "./request-rules.ts";
import { accessRulesSchema } from "./access-rules.ts";
import { forwardIdentitySchema } from "./forward-identity.ts";

export const quotaPeriodSchema = z.enum(["hour", "day", "week", "month"]);

/** Calls per sliding period, e.g. 100 per 60 s. */
export const rateLimitSchema = z.object({
  calls: z.number().int().positive().max(1_000_000_000),
  periodSeconds: z.number().int().positive().max(31 * 24 * 3600),
});

/** Calls and/or bytes per period: calendar periods in UTC, or rolling ones. */
export const quotaSchema = z
  .object({
    calls: z.number().int().positive().nullable(),
    bandwidthBytes: z.number().int().positive().nullable(),
    period: quotaPeriodSchema,
    /**
     * false (default): periods follow the UTC calendar (hour, day, ISO week from Monday, month);
     * true: a period of that length starts with the first call after the previous one ended.
     */
    rolling: z.boolean().optional(),
  })
  .refine((q) => q.calls !== null || q.bandwidthBytes !== null, "a quota limits calls, bytes or both");

/** Who shares one counter. Default: the subscription (APIs without subscriptions need another key). */
export const limitKeySchema = z.discriminatedUnion("by", [
  z.object({ by: z.literal("subscription") }),
  z.object({ by: z.literal("ip") }),
  z.object({ by: z.literal("claim"), claim: z.string().min(1).max(200) }),
  z.object({ by: z.literal("header"), header: z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/, "a header name") }),
]);

export const scopePolicySchema = z.object({
  rateLimit: rateLimitSchema.nullable().optional(),
  quota: quotaSchema.nullable().optional(),
  limitKey: limitKeySchema.optional(),
  /** Status of a quota_exceeded answer: 429 (default) or 403, as some products' contracts want. */
  quotaExceededStatus: z.union([z.literal(429), z.literal(403)]).optional(),
  /** Also send X-RateLimit-Limit/-Remaining/-Reset (for the tightest limit) beside the IETF headers. */
  legacyRateLimitHeaders: z.boolean().optional(),
  /** When the limiter's Redis is unreachable: "open" (default) counts per gateway instance, "closed" answers 503. */
  onLimiterFailure: z.enum(["open", "closed"]).optional(),
  /** CORS, IP filter, header rules, body size, request validation (request-rules.ts). */
  ...requestRuleFields,
  /** Attribute-based access rules in CEL (access-rules.ts); the most specific scope's list wins whole; null: none here. */
  accessRules: accessRulesSchema.nullable().optional(),
  /** Subject, client and roles headers for the backend after a verified token (forward-identity.ts); null: none here. */
  forwardIdentity: forwardIdentitySchema.nullable().optional(),
});

export type ScopePolicy = z.infer<typeof scopePolicySchema>;

/** The workspace defaults as the snapshot carries them: the widest scope, plus what only the console sets (the portal's origin). */
export const gatewayDefaultsSchema = scopePolicySchema.extend(portalCorsFields);
export type GatewayDefaults = z.infer<typeof gatewayDefaultsSchema>;
export type RateLimit = z.infer<typeof rateLimitSchema>;
export type Quota = z.infer<typeof quotaSchema>;
export type LimitKey = z.infer<typeof limitKeySchema>;
