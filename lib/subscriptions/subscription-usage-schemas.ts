// GET /api/v1/subscriptions/{id}/usage: every limit in force for a subscription's
// calls and how much of each is used, read from the counters the gateways keep.
import { z } from "zod";
import { limitKeySchema } from "@portcullis/gateway/contract";

const resetsAt = z.iso.datetime().nullable();

const quotaUsageSchema = z.object({
  limit: z.number().int(),
  used: z.number().int().nullable().describe("null: counted by another key than the subscription (see countedBy)"),
  resetsAt: resetsAt.describe("End of the current period; null: a rolling period that starts with the next call"),
});

export const limitUsageSchema = z
  .object({
    scope: z.enum(["workspace", "product", "api", "operation"]).describe("The scope that set these limits"),
    api: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .describe("The API they count calls to; null: the product's limits, which count calls to all its APIs together"),
    operation: z.string().nullable().describe('"GET /orders/{orderId}": an operation whose own limits replace its API\'s'),
    countedBy: limitKeySchema.describe("Who shares these counters"),
    rate: z
      .object({
        limit: z.number().int().describe("Calls per window"),
        periodSeconds: z.number().int(),
        remaining: z.number().int().nullable(),
        resetsAt: resetsAt.describe("When the oldest counted call leaves the sliding window; null: none counted"),
      })
      .nullable()
      .describe("null: no rate limit at this scope"),
    quota: z
      .object({
        period: z.enum(["hour", "day", "week", "month"]),
        rolling: z.boolean(),
        calls: quotaUsageSchema.nullable(),
        bytes: quotaUsageSchema.nullable().describe("Response bytes"),
      })
      .nullable()
      .describe("null: no quota at this scope"),
  })
  .meta({ id: "LimitUsage" });

export const subscriptionUsageSchema = z
  .object({
    subscriptionId: z.string(),
    limits: z
      .array(limitUsageSchema)
      .describe(
        "Every limit a call of this subscription must pass, as the gateways combine scopes: the product's and each API's stack, " +
          "an operation's replace its API's, a workspace default applies where neither sets one. Product first, then per API.",
      ),
  })
  .meta({ id: "SubscriptionUsage" });

export type LimitUsage = z.infer<typeof limitUsageSchema>;
export type SubscriptionUsage = z.infer<typeof subscriptionUsageSchema>;
