// Brute force detection settings (Keycloak's "brute force detection", with fixed values) and
// the Redis keys they are counted under. Every console process shares the counters.
import { createHash } from "node:crypto";
import { env } from "@/lib/env";

export const loginPolicy = {
  /** Per client address: failed sign-ins allowed per window, across all accounts (password spraying). */
  addressFailures: 20,
  addressWindowMs: 5 * 60_000,
  /** Per account: failures answered at once; from then on each attempt waits longer. */
  accountFreeFailures: 5,
  /** Wait after the 5th failure, doubling with each further one (1, 2, 4, 8, 16 s). */
  accountBaseDelayMs: 1000,
  /** Consecutive failures that lock the account, and for how long (persisted on the user). */
  lockoutFailures: 10,
  lockoutMs: 15 * 60_000,
  /** An account's count is forgotten after this long without failures (Keycloak's "failure reset time"). */
  accountMemoryMs: 12 * 60 * 60_000,
} as const;

export type LoginPolicy = typeof loginPolicy;

/** How long an account waits after its `failures`-th consecutive failure (0: not at all). */
export function accountDelayMs(failures: number, policy: LoginPolicy = loginPolicy): number {
  if (failures >= policy.lockoutFailures) return policy.lockoutMs;
  if (failures < policy.accountFreeFailures) return 0;
  return policy.accountBaseDelayMs * 2 ** (failures - policy.accountFreeFailures);
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** Emails are hashed so Redis never holds who was attacked; unknown emails get keys too. */
export function loginThrottleKeys(email: string, clientAddress: string) {
  const prefix = `${env().CONFIG_CHANNEL_PREFIX}:login-throttle`;
  return { address: `${prefix}:address:${clientAddress}`, account: `${prefix}:account:${sha256(email.toLowerCase())}` };
}
