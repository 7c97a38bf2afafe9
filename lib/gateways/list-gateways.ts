// The running gateways as they registered themselves in Redis, each judged
// against the newest config Redis holds (snapshot and deltas): ok, lagging or silent.
// Entries whose registration expired (a gateway dead for many heartbeats) are
// dropped from the index on the way.
import {
  gatewayRegistrationSchema,
  gatewayRegistryNames,
  gatewayStatus,
  type GatewayRegistration,
  type LatestSnapshotStamp,
} from "@portcullis/gateway/contract/gateway-registry";
import { configChannelNames, configDeltaNames } from "@/lib/config-channel/contract";
import { SNAPSHOT_VERSION_LUA } from "@/lib/config-channel/snapshot-version-lua";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { logger } from "@/lib/logger";
import { redis } from "@/lib/redis";
import type { GatewayInstance } from "./gateway-schemas";

/**
 * The versions a gateway can reach and when each appeared: the stored snapshot, then the
 * consecutive deltas after it (what storedConfigHead counts), as {version, at, ...}. Read in
 * Redis without shipping (or, for the snapshot, decoding) tens of megabytes of JSON: both
 * writers put version and generatedAt first.
 */
const STORED_VERSIONS_LUA = `${SNAPSHOT_VERSION_LUA}
local function stampOf(json, whole)
  local at = string.match(string.sub(json, 1, 200), '"generatedAt":"([^"]+)"')
  if at then return at end
  local ok, d = pcall(cjson.decode, whole())
  if ok and type(d) == 'table' and type(d['generatedAt']) == 'string' then return d['generatedAt'] end
  return nil
end
local s = snapshotVersion(KEYS[1])
if s == 0 then return {} end
local snapshotAt = stampOf(redis.call('GETRANGE', KEYS[1], 0, 200), function() return redis.call('GET', KEYS[1]) end)
if not snapshotAt then return {} end
local out = {tostring(s), snapshotAt}
local head = s
local scored = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. s, '+inf', 'WITHSCORES')
for i = 2, #scored, 2 do
  local score = tonumber(scored[i])
  if score ~= head + 1 then break end
  local member = scored[i - 1]
  local at = stampOf(member, function() return member end)
  if not at then break end
  head = score
  out[#out + 1] = tostring(score)
  out[#out + 1] = at
end
return out`;

/** When each reachable version appeared; judges a gateway by the first version it lacks. */
interface StoredVersions {
  readonly snapshot: LatestSnapshotStamp;
  readonly deltas: ReadonlyMap<number, string>;
  readonly head: number;
}

async function storedVersions(prefix: string): Promise<StoredVersions | null> {
  const keys = [configChannelNames(prefix).latestKey, configDeltaNames(prefix).deltasKey];
  const flat = (await redis().eval(STORED_VERSIONS_LUA, 2, ...keys)) as string[];
  if (flat.length === 0) return null;
  const deltas = new Map<number, string>();
  for (let i = 2; i < flat.length; i += 2) deltas.set(Number(flat[i]), flat[i + 1]);
  return { snapshot: { version: Number(flat[0]), generatedAt: flat[1] }, deltas, head: Number(flat.at(-2)) };
}

/**
 * The stamp a gateway serving `configVersion` is judged against: the newest version, dated by
 * the first one it lacks (a delta's time; older ones were folded into the snapshot, so the
 * snapshot's time), so steady publishing never hides a gateway stuck on an old version.
 */
function stampFor(configVersion: number | null, stored: StoredVersions | null): LatestSnapshotStamp | null {
  if (!stored) return null;
  const firstMissing = (configVersion ?? 0) + 1;
  const at = firstMissing > stored.snapshot.version ? stored.deltas.get(firstMissing) : stored.snapshot.generatedAt;
  return { version: stored.head, generatedAt: at ?? stored.snapshot.generatedAt };
}

function toGatewayInstance(g: GatewayRegistration, stored: StoredVersions | null, now: number): GatewayInstance {
  const rejected = g.lastRejectedSnapshot;
  return {
    id: g.id,
    host: g.host,
    version: g.version,
    configVersion: g.configVersion,
    startedAt: g.startedAt,
    lastHeartbeatAt: g.lastHeartbeatAt,
    status: gatewayStatus(g, stampFor(g.configVersion, stored), now),
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
    const [ids, stored] = await Promise.all([redis().zrange(names.indexKey, "0", "-1"), storedVersions(prefix)]);
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
      .map((g) => toGatewayInstance(g, stored, now))
      .sort((a, b) => a.host.localeCompare(b.host) || a.id.localeCompare(b.id));
  } catch (err) {
    logger().warn({ err: (err as Error).message }, "gateway registry unreachable");
    throw new ApiError("gateway_registry_unavailable", "Redis, where the gateways register, cannot be reached; their state is unknown.");
  }
}
