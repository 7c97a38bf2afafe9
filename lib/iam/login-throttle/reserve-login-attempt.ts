// Before a password is checked, this attempt is counted as a failure against its client address
// and its account, in one Lua script: the check and the increment are one atomic step, so
// parallel attempts can never get past a limit. A success gives the reservation back.
import { redis } from "@/lib/redis";
import { loginPolicy, loginThrottleKeys, type LoginPolicy } from "./login-policy";

export type LoginRefusal = { code: "login_throttled" | "account_locked"; retryAfterSeconds: number };
export type LoginReservation = { allowed: true; keys: ReturnType<typeof loginThrottleKeys> } | ({ allowed: false } & LoginRefusal);

// KEYS: address counter, account hash {n: consecutive failures, until: ms before which it waits}.
// ARGV: now, address limit, address window, free failures, base delay, lockout failures, lockout, memory.
// The account's wait is set by the attempt itself (as if it failed), so its parallel twins see it.
const RESERVE = `
local now = tonumber(ARGV[1])
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used >= tonumber(ARGV[2]) then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) ttl = tonumber(ARGV[3]) end
  return {'address', ttl}
end
local n = tonumber(redis.call('HGET', KEYS[2], 'n') or '0')
local waitUntil = tonumber(redis.call('HGET', KEYS[2], 'until') or '0')
if waitUntil > now then
  return {n >= tonumber(ARGV[6]) and 'locked' or 'account', waitUntil - now}
end
if redis.call('INCR', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
n = n + 1
local delay = 0
if n >= tonumber(ARGV[6]) then delay = tonumber(ARGV[7])
elseif n >= tonumber(ARGV[4]) then delay = tonumber(ARGV[5]) * 2 ^ (n - tonumber(ARGV[4])) end
redis.call('HSET', KEYS[2], 'n', n, 'until', now + math.floor(delay))
redis.call('PEXPIRE', KEYS[2], math.max(tonumber(ARGV[8]), delay))
return {'ok', n}`;

export async function reserveLoginAttempt(
  email: string,
  clientAddress: string,
  policy: LoginPolicy = loginPolicy,
): Promise<LoginReservation> {
  const keys = loginThrottleKeys(email, clientAddress);
  const args = [
    Date.now(),
    policy.addressFailures,
    policy.addressWindowMs,
    policy.accountFreeFailures,
    policy.accountBaseDelayMs,
    policy.lockoutFailures,
    policy.lockoutMs,
    policy.accountMemoryMs,
  ];
  const [verdict, value] = (await redis().eval(RESERVE, 2, keys.address, keys.account, ...args)) as [string, number];
  if (verdict === "ok") return { allowed: true, keys };
  const retryAfterSeconds = Math.max(1, Math.ceil(Number(value) / 1000));
  return { allowed: false, code: verdict === "locked" ? "account_locked" : "login_throttled", retryAfterSeconds };
}
