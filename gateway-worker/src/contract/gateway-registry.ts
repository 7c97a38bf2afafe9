// Where each running gateway says it is alive, and what the console reads back:
// every instance writes its registration (JSON, with a TTL) under its own key
// and its id into one sorted set (score: last heartbeat, ms), so the console
// lists them with ZRANGE + MGET instead of scanning the keyspace. A gateway
// that stops cleanly removes itself; one that dies stays listed as "silent"
// until its key expires. Both sides import this file; change it here.
import { z } from "zod";

export const DEFAULT_HEARTBEAT_INTERVAL_MS = 10_000;
/** A registration outlives this many missed heartbeats, so a dead gateway is seen as silent before it vanishes. */
export const REGISTRATION_TTL_HEARTBEATS = 30;
/** Missing this many heartbeats in a row makes a gateway "silent". */
export const SILENT_AFTER_HEARTBEATS = 3;
/** A gateway behind the latest snapshot is "lagging" only once it had a heartbeat's time (plus this) to catch up. */
export const LAG_GRACE_MS = 5_000;

export function gatewayRegistryNames(prefix: string) {
  return {
    indexKey: `${prefix}:gateways`,
    instanceKey: (id: string) => `${prefix}:gateway:${id}`,
  } as const;
}

export const gatewayRegistrationSchema = z.object({
  id: z.string().min(1),
  host: z.string(),
  /** The gateway package's version. */
  version: z.string(),
  startedAt: z.iso.datetime(),
  lastHeartbeatAt: z.iso.datetime(),
  heartbeatIntervalMs: z.number().int().positive(),
  /** Version of the config it serves; null before the first one arrives. */
  configVersion: z.number().int().nullable(),
  /** The newest snapshot it refused (invalid, or failed to compile), with why; null if none. */
  lastRejectedSnapshot: z.object({ version: z.number().int().nullable(), error: z.string(), at: z.iso.datetime() }).nullable(),
  /** Requests answered per second over the last heartbeat interval. */
  requestsPerSecond: z.number().min(0),
});

export type GatewayRegistration = z.infer<typeof gatewayRegistrationSchema>;

export const gatewayStatuses = ["ok", "lagging", "silent"] as const;
export type GatewayStatus = (typeof gatewayStatuses)[number];

/** What Redis holds as the latest snapshot, as far as a gateway's status is concerned. */
export interface LatestSnapshotStamp {
  version: number;
  generatedAt: string;
}

export function gatewayStatus(gateway: GatewayRegistration, latest: LatestSnapshotStamp | null, now: number): GatewayStatus {
  const interval = gateway.heartbeatIntervalMs;
  if (now - Date.parse(gateway.lastHeartbeatAt) > SILENT_AFTER_HEARTBEATS * interval) return "silent";
  if (!latest || (gateway.configVersion ?? 0) >= latest.version) return "ok";
  // Just published: gateways apply it within milliseconds but report it only at their next heartbeat.
  return now - Date.parse(latest.generatedAt) > interval + LAG_GRACE_MS ? "lagging" : "ok";
}
