// Storing a snapshot under `latestKey`: the console's side of the channel. The
// gateway only reads; its tests publish through this same writer, exactly as the console does.
import type { Redis } from "ioredis";
import { configChannelNames, gatewayConfigSnapshotSchema, type GatewayConfigSnapshot } from "./contract";
import { SNAPSHOT_VERSION_LUA } from "./snapshot-version-lua";

type ChannelNames = Pick<ReturnType<typeof configChannelNames>, "latestKey">;

/**
 * Compare-and-set in one Lua call: two consoles publishing at once must never
 * let an older snapshot overwrite a newer one. The stored version is read from the
 * JSON's first bytes (SNAPSHOT_VERSION_LUA: decoding tens of MB would block Redis);
 * a value it cannot read (corrupt, hand-written) counts as 0 and is replaced, since
 * nothing could serve from it anyway.
 */
const STORE_IF_NEWER_LUA = `${SNAPSHOT_VERSION_LUA}
local incoming = tonumber(ARGV[1])
if snapshotVersion(KEYS[1]) >= incoming then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2])
return 1
`;

/**
 * Validates the snapshot against the contract, then stores it only if its
 * version is newer than the stored one. Returns true when stored; the caller
 * should broadcast the `config-published` event only then.
 *
 * Validation happens here too (not only in the gateway) so a console bug is
 * reported to the publisher instead of being silently ignored by every gateway.
 */
export async function storeSnapshotIfNewer(
  redis: Pick<Redis, "eval">,
  names: ChannelNames,
  snapshot: GatewayConfigSnapshot,
): Promise<boolean> {
  const valid = gatewayConfigSnapshotSchema.parse(snapshot);
  const result = await redis.eval(STORE_IF_NEWER_LUA, 1, names.latestKey, String(valid.version), JSON.stringify(valid));
  return Number(result) === 1;
}
