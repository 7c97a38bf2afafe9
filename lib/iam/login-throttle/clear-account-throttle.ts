// An admin unlock also ends the account's wait in Redis, or the next attempt would still be refused.
import { redis } from "@/lib/redis";
import { loginThrottleKeys } from "./login-policy";

export async function clearAccountThrottle(email: string): Promise<void> {
  await redis().del(loginThrottleKeys(email, "-").account);
}
