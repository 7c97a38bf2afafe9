// What the limiter is asked and answers for one call: the limits it must pass
// (already resolved to counter keys) and, per limit, what is left.
import type { QuotaPeriod } from "../contract/limit-counters.js";
import type { PolicyScope } from "../contract/effective-policy.js";

export type LimitCheck =
  | { kind: "rate"; scope: PolicyScope; key: string; calls: number; windowMs: number }
  | {
      kind: "quota";
      scope: PolicyScope;
      key: string;
      /** null: this quota limits bytes only. */
      calls: number | null;
      bytes: number | null;
      period: QuotaPeriod;
      rolling: boolean;
    };

export interface LimitResult {
  exceeded: boolean;
  /** Calls left after this one (0 when exceeded); null for a bytes-only quota. */
  remaining: number | null;
  /** Rate: ms until a counted call leaves the window (when exceeded: until the next call may pass). Quota: ms to the period's end. */
  resetMs: number;
  /** Bytes left in a bytes quota, else null. */
  bytesRemaining: number | null;
  /** Start of the quota period the call was counted in (ms); 0 for a rate limit. */
  periodStart: number;
  /** Length of the window or period (ms), for RateLimit-Policy's w. */
  windowMs: number;
}

export interface LimitDecision {
  admitted: boolean;
  results: LimitResult[];
  /** false when Redis was unreachable and this instance decided alone (fail open). */
  shared: boolean;
}
