// Heals the config channel: Redis here keeps nothing on disk, and a publish can fail
// while Redis is down. Either way the gateways' latest snapshot is missing or older
// than the last one the console built, so build and announce a fresh one.
import { db } from "@/lib/db";
import { publishGatewayConfig, storedSnapshotVersion } from "./publish-gateway-config";

export async function republishIfGatewaysBehind(): Promise<number | null> {
  const [stored, latest] = await Promise.all([
    storedSnapshotVersion(),
    db().gatewayConfigRevision.aggregate({ _max: { version: true } }),
  ]);
  const built = latest._max.version ?? 0;
  if (stored > 0 && stored >= built) return null;
  const reason = stored === 0 ? "redis holds no snapshot" : `redis holds v${stored}, console built v${built}`;
  return publishGatewayConfig(reason, { storedVersion: stored });
}
