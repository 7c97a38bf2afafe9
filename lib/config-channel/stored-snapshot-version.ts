// What the gateways would read now: the version of the snapshot Redis holds, and how far the
// deltas after it reach.
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";
import { configChannelNames, configDeltaNames } from "./contract";
import { SNAPSHOT_VERSION_LUA } from "./snapshot-version-lua";

/** Version of the snapshot in Redis (0 if none). */
export async function storedSnapshotVersion(): Promise<number> {
  const lua = `${SNAPSHOT_VERSION_LUA} return snapshotVersion(KEYS[1])`;
  return Number(await redis().eval(lua, 1, configChannelNames(env().CONFIG_CHANNEL_PREFIX).latestKey));
}

const FLOOR_LUA = `${SNAPSHOT_VERSION_LUA}
local s = snapshotVersion(KEYS[1])
local top = redis.call('ZREVRANGE', KEYS[2], 0, 0, 'WITHSCORES')
if top[2] and tonumber(top[2]) > s then return {s, tonumber(top[2])} end
return {s, s}`;

/** The snapshot's version, and the newest version Redis holds (snapshot or delta): where a new version must start after. */
export async function storedConfigFloor(): Promise<{ snapshot: number; floor: number }> {
  const prefix = env().CONFIG_CHANNEL_PREFIX;
  const [snapshot, floor] = (await redis().eval(FLOOR_LUA, 2, configChannelNames(prefix).latestKey, configDeltaNames(prefix).deltasKey)) as number[];
  return { snapshot: Number(snapshot), floor: Number(floor) };
}

const HEAD_LUA = `${SNAPSHOT_VERSION_LUA}
local s = snapshotVersion(KEYS[1])
local head = s
local scores = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. s, '+inf', 'WITHSCORES')
local pending = #scores / 2
for i = 2, #scores, 2 do
  local score = tonumber(scores[i])
  if score == head + 1 then head = score elseif score > head + 1 then break end
end
return {s, head, pending}`;

export type StoredConfigHead = {
  /** Version of the snapshot in latestKey (0: none). */
  snapshot: number;
  /** The newest version a gateway can reach: the snapshot, then consecutive deltas after it. */
  head: number;
  /** Deltas newer than the snapshot: what the compactor would fold into the next one. */
  pendingDeltas: number;
};

export async function storedConfigHead(): Promise<StoredConfigHead> {
  const prefix = env().CONFIG_CHANNEL_PREFIX;
  const [snapshot, head, pendingDeltas] = (await redis().eval(
    HEAD_LUA,
    2,
    configChannelNames(prefix).latestKey,
    configDeltaNames(prefix).deltasKey,
  )) as number[];
  return { snapshot: Number(snapshot), head: Number(head), pendingDeltas: Number(pendingDeltas) };
}
