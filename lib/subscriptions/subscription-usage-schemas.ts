// GET /api/v1/subscriptions/{id}/usage: the limits in force for a subscription
// and how much of each is used, read from the counters the gateways keep.
import { z } from "zod";
import { limitKeySchema } from "@portcullis/gateway/contract";

const resetsAt = z.iso.datetime().nullable();

const quotaUsageSchema = z.object({
  limit: z.number().int(),
  used: z.number().int().nullable().describe("null: counted by another key than the subscription (see countedBy)"),
  resetsAt: resetsAt.describe("End of the current period; null: a rolling period that starts with the next call"),
});

export const subscriptionUsageSchema = z
  .object({
    subscriptionId: z.string(),
    scope: z.enum(["product", "api"]).describe("Whose limits these are: the subscription's product, or its single API"),
    countedBy: limitKeySchema.describe("Who shares these counters"),
    rate: z
      .object({
        limit: z.number().int().describe("Calls per window"),
        periodSeconds: z.number().int(),
        remaining: z.number().int().nullable(),
        resetsAt: resetsAt.describe("When the oldest counted call leaves the sliding window; null: none counted"),
      })
      .nullable()
      .describe("null: no rate limit"),
    quota: z
      .object({
        period: z.enum(["hour", "day", "week", "month"]),
        rolling: z.boolean(),
        calls: quotaUsageSchema.nullable(),
        bytes: quotaUsageSchema.nullable().describe("Response bytes"),
      })
      .nullable()
      .describe("null: no quota"),
  })
  .meta({ id: "SubscriptionUsage" });

export type SubscriptionUsage = z.infer<typeof subscriptionUsageSchema>;
