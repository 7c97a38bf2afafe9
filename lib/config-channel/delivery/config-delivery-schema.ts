// The shape of the delivery status: whether every acknowledged change has reached the gateways.
import { z } from "zod";

const instant = () => z.string().nullable().describe("ISO 8601 date-time, null if never");

export const configDeliveryStatuses = ["delivered", "pending", "failing"] as const;

export const configDeliverySchema = z
  .object({
    status: z
      .enum(configDeliveryStatuses)
      .describe("delivered: Redis holds every acknowledged change; pending: a publish is owed or running; failing: the last attempt failed and is being retried"),
    latestBuiltVersion: z.number().int().nullable().describe("Newest snapshot version the console has built (null: none yet)"),
    storedVersion: z.number().int().nullable().describe("Newest version the gateways can read from Redis: the snapshot and the consecutive deltas after it (0: none stored; null: Redis unreachable)"),
    deliveredVersion: z.number().int().nullable().describe("Newest version a publish stored in Redis"),
    deliveredAt: instant(),
    pendingSince: instant().describe("When the oldest change not yet delivered was acknowledged"),
    pendingReason: z.string().nullable().describe("What that change was"),
    lastAttemptAt: instant().describe("When the latest publish attempt started"),
    lastError: z.string().nullable().describe("Why the latest attempt failed (null once one succeeds)"),
    consecutiveFailures: z.number().int().min(0),
  })
  .meta({ id: "ConfigDelivery" });

export type ConfigDelivery = z.infer<typeof configDeliverySchema>;
