// What the gateways would read now: the version of the snapshot Redis holds.
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";
import { configChannelNames } from "./contract";

/** Version of the snapshot in Redis (0 if none): reads it without shipping the whole JSON back. */
export async function storedSnapshotVersion(): Promise<number> {
  const lua = `local v = redis.call('GET', KEYS[1]) if not v then return 0 end
    local ok, d = pcall(cjson.decode, v) if ok and type(d) == 'table' and tonumber(d['version']) then return tonumber(d['version']) end
    return 0`;
  return Number(await redis().eval(lua, 1, configChannelNames(env().CONFIG_CHANNEL_PREFIX).latestKey));
}
