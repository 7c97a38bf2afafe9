// The running gateways as they registered themselves in Redis, each judged
// against the snapshot Redis holds (lib/config-channel): ok, lagging or silent.
// Entries whose registration expired (a gateway dead for many heartbeats) are
// dropped from the index on the way.
import {
  gatewayRegistrationSchema,
  gatewayRegistryNames,
  gatewayStatus,
  type GatewayRegistration,
  type LatestSnapshotStamp,
} from "@portcullis/gateway/contract/gateway-registry";
import { configChannelNames } from "@/lib/config-channel/contract";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { logger } from "@/lib/logger";
import { redis } from "@/lib/redis";
import type { GatewayInstance } from "./gateway-schemas";

/** Version and generatedAt of the stored snapshot, without shipping the whole JSON back. */
const STAMP_LUA = `local v = redis.call('GET', KEYS[1]) if not v then return nil end
  local ok, d = pcall(cjson.decode, v)
  if ok and type(d) == 'table' and tonumber(d['version']) and type(d['generatedAt']) == 'string' then
    return {tostring(d['version']), d['generatedAt']}
  end
  return nil`;

async function latestStamp(latestKey: string): Promise<LatestSnapshotStamp | null> {
  const stamp = (await redis().eval(STAMP_LUA, 1, latestKey)) as [string, string] | null;
  return stamp ? { version: Number(stamp[0]), generatedAt: stamp[1] } : null;
}

function toGatewayInstance(g: GatewayRegistration, latest: LatestSnapshotStamp | null, now: number): GatewayInstance {
  const rejected = g.lastRejectedSnapshot;
  return {
    id: g.id,
    host: g.host,
    version: g.version,
    configVersion: g.configVersion,
    startedAt: g.startedAt,
    lastHeartbeatAt: g.lastHeartbeatAt,
    status: gatewayStatus(g, latest, now),
    ...(rejected ? { lastError: `refused snapshot ${rejected.version === null ? "(unknown version)" : `v${rejected.version}`}: ${rejected.error}` } : {}),
    requestsPerSecond: g.requestsPerSecond,
  };
}

/** A registration from a gateway of another version may not parse: it is left out, not fatal. */
function parseOrNull(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

export async function listGateways(): Promise<GatewayInstance[]> {
  const prefix = env().CONFIG_CHANNEL_PREFIX;
  const names = gatewayRegistryNames(prefix);
  try {
    const [ids, latest] = await Promise.all([redis().zrange(names.indexKey, "0", "-1"), latestStamp(configChannelNames(prefix).latestKey)]);
    if (ids.length === 0) return [];
    const raws = await redis().mget(ids.map(names.instanceKey));
    const expired = ids.filter((_, i) => raws[i] === null);
    if (expired.length > 0) await redis().zrem(names.indexKey, ...expired);
    const now = Date.now();
    return raws
      .flatMap((raw) => {
        const parsed = raw === null ? null : gatewayRegistrationSchema.safeParse(parseOrNull(raw));
        return parsed?.success ? [parsed.data] : [];
      })
      .map((g) => toGatewayInstance(g, latest, now))
      .sort((a, b) => a.host.localeCompare(b.host) || a.id.localeCompare(b.id));
  } catch (err) {
    logger().warn({ err: (err as Error).message }, "gateway registry unreachable");
    throw new ApiError("gateway_registry_unavailable", "Redis, where the gateways register, cannot be reached; their state is unknown.");
  }
}
