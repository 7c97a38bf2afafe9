// The gateway configuration the console last stored for the gateways, read the way a
// gateway reads it: from the channel's latest key, through the contract's schema.
import { configChannelNames, gatewayConfigSnapshotSchema, type GatewayConfigSnapshot } from "@/lib/config-channel/contract";
import { env } from "@/lib/env";
import { redis } from "@/lib/redis";

export const latestSnapshotKey = () => configChannelNames(env().CONFIG_CHANNEL_PREFIX).latestKey;

export async function readLatestSnapshot(): Promise<GatewayConfigSnapshot> {
  return gatewayConfigSnapshotSchema.parse(JSON.parse((await redis().get(latestSnapshotKey())) ?? "null"));
}
