// Sign-ups are counted per client address and per email in Redis (fixed windows, one atomic
// INCR each): a script cannot mint accounts or probe which emails exist faster than this.
import { createHash } from "node:crypto";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { redis } from "@/lib/redis";

export const signUpPolicy = {
  /** Sign-up attempts per client address per window (several people behind one NAT still fit). */
  addressAttempts: 10,
  /** Attempts per email per window. */
  emailAttempts: 5,
  windowMs: 60 * 60_000,
} as const;

const COUNT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

async function count(key: string, limit: number, what: string): Promise<void> {
  const [n, ttl] = (await redis().eval(COUNT, 1, key, signUpPolicy.windowMs)) as [number, number];
  if (n <= limit) return;
  const retryAfterSeconds = Math.max(1, Math.ceil(Number(ttl) / 1000));
  throw new ApiError("rate_limited", `Too many sign-up attempts ${what}; try again in ${Math.ceil(retryAfterSeconds / 60)} min`, { retryAfterSeconds });
}

/** Throws 429 rate_limited once the address or the email has used its attempts. */
export async function countSignUpAttempt(email: string, clientAddress: string): Promise<void> {
  const prefix = `${env().CONFIG_CHANNEL_PREFIX}:sign-up-throttle`;
  await count(`${prefix}:address:${clientAddress}`, signUpPolicy.addressAttempts, "from this network");
  await count(`${prefix}:email:${createHash("sha256").update(email).digest("hex")}`, signUpPolicy.emailAttempts, "for this email");
}
