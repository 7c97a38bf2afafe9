// A right password whose second factor is still to come: the address gets its reservation back
// (a team behind one NAT is not slowed by its own sign-ins), but the account keeps its count
// until the factor passes, so alternating right passwords and guessed codes still locks it.
import { redis } from "@/lib/redis";
import type { loginThrottleKeys } from "./login-policy";

const RELEASE_ADDRESS = `if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end return 1`;

export async function releaseAddressReservation(keys: ReturnType<typeof loginThrottleKeys>): Promise<void> {
  await redis().eval(RELEASE_ADDRESS, 1, keys.address);
}
