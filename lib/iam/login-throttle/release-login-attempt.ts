// A sign-in that succeeded was no failure: give its address reservation back and forget the
// account's count (a successful sign-in resets it, as on the user row).
import { redis } from "@/lib/redis";
import type { loginThrottleKeys } from "./login-policy";

// Only decrements a live counter: a DECR on an expired key would create one without a TTL.
const RELEASE = `
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
redis.call('DEL', KEYS[2])
return 1`;

export async function releaseLoginAttempt(keys: ReturnType<typeof loginThrottleKeys>): Promise<void> {
  await redis().eval(RELEASE, 2, keys.address, keys.account);
}
