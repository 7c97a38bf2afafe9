// The shape of GET /api/v1/gateways: each running gateway instance as it last
// registered itself in Redis, with the console's verdict on it.
import { z } from "zod";
import { gatewayStatuses } from "@portcullis/gateway/contract/gateway-registry";
import { listOf } from "@/lib/management-api/common-schemas";

export const gatewayInstanceSchema = z
  .object({
    id: z.string().describe("Instance id (GATEWAY_INSTANCE_ID, or host-pid-random)"),
    host: z.string().describe("Host name the instance runs on"),
    version: z.string().describe("Gateway package version"),
    configVersion: z.number().int().nullable().describe("Config snapshot version it serves; null before its first"),
    startedAt: z.string().describe("ISO 8601 date-time"),
    lastHeartbeatAt: z.string().describe("ISO 8601 date-time of its latest registration"),
    status: z
      .enum(gatewayStatuses)
      .describe("ok; lagging: serves an older config than Redis holds, past a heartbeat's grace; silent: missed several heartbeats"),
    lastError: z.string().optional().describe("Why it refused its latest rejected snapshot (with that version), if it refused one"),
    requestsPerSecond: z.number().min(0).optional().describe("Requests it answered per second over its last heartbeat interval"),
  })
  .meta({ id: "GatewayInstance" });

export const gatewayListSchema = listOf(gatewayInstanceSchema, "GatewayInstanceList");

export type GatewayInstance = z.infer<typeof gatewayInstanceSchema>;
