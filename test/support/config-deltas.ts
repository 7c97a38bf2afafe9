// The deltas the console stored for the gateways, read the way a gateway reads them: from the
// channel's deltas log (a sorted set by version), through the contract's schema.
import { configDeltaNames, gatewayConfigDeltaSchema, type GatewayConfigDelta } from "@/lib/config-channel/contract";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";

export const deltasKey = () => configDeltaNames(env().CONFIG_CHANNEL_PREFIX).deltasKey;

/** Deltas with a version above `after`, in version order. */
export async function readDeltasAfter(after: number): Promise<GatewayConfigDelta[]> {
  const members = await redis().zrangebyscore(deltasKey(), `(${after}`, "+inf");
  return members.map((m) => gatewayConfigDeltaSchema.parse(JSON.parse(m)));
}

/** The newest version in the deltas log (0: none). */
export async function newestDeltaVersion(): Promise<number> {
  const [, score] = await redis().zrevrange(deltasKey(), 0, 0, "WITHSCORES");
  return score === undefined ? 0 : Number(score);
}
