// The console's Redis connection (config channel). Fails fast rather than
// queueing forever, so an unreachable Redis surfaces as an error.
import "server-only";
import { Redis } from "ioredis";
import { env } from "@/lib/env";

const globalForRedis = globalThis as unknown as { portcullisRedis?: Redis };

export function redis(): Redis {
  globalForRedis.portcullisRedis ??= new Redis(env().REDIS_URL, {
    maxRetriesPerRequest: 2,
    connectTimeout: 3000,
    lazyConnect: false,
  });
  return globalForRedis.portcullisRedis;
}

export async function disconnectRedis() {
  const client = globalForRedis.portcullisRedis;
  globalForRedis.portcullisRedis = undefined;
  if (client) await client.quit().catch(() => client.disconnect());
}
