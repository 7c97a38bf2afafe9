// The limiter of last resort, used only while Redis is unreachable and the API
// fails open: the same algorithms as limit-scripts.ts, in this process's memory
// and on this process's clock. Each gateway instance then admits up to the
// limit on its own; that is the documented price of staying available.
import { calendarPeriod, freshQuotaPeriod, ROLLING_PERIOD_MS } from "../contract/limit-counters.js";
import type { LimitCheck, LimitDecision, LimitResult } from "./limit-checks.js";

interface QuotaCounter {
  start: number;
  end: number;
  calls: number;
  bytes: number;
}

/** How often counters whose window or period is over are dropped. */
const SWEEP_INTERVAL_MS = 60_000;

export class LocalLimiter {
  private readonly windows = new Map<string, { windowMs: number; calls: number[] }>();
  private readonly quotas = new Map<string, QuotaCounter>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly clock: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  admit(checks: readonly LimitCheck[]): LimitDecision {
    const now = this.clock();
    const states = checks.map((check) => (check.kind === "rate" ? this.rateState(check, now) : this.quotaState(check, now)));
    const admitted = states.every((s) => !s.exceeded);
    if (admitted) for (const s of states) s.commit();
    return { admitted, shared: false, results: states.map((s) => s.result()) };
  }

  addBytes(keys: readonly { key: string; periodStart: number }[], bytes: number): void {
    for (const { key, periodStart } of keys) {
      const counter = this.quotas.get(key);
      if (counter && counter.start === periodStart) counter.bytes += bytes;
    }
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private rateState(check: Extract<LimitCheck, { kind: "rate" }>, now: number) {
    const calls = (this.windows.get(check.key)?.calls ?? []).filter((t) => t > now - check.windowMs);
    this.windows.set(check.key, { windowMs: check.windowMs, calls });
    const exceeded = calls.length >= check.calls;
    return {
      exceeded,
      commit: () => void calls.push(now),
      result: (): LimitResult => {
        const pivot = exceeded ? calls[calls.length - check.calls] : calls[0];
        return {
          exceeded,
          remaining: Math.max(check.calls - calls.length, 0),
          resetMs: pivot === undefined ? check.windowMs : Math.max(pivot + check.windowMs - now, 0),
          bytesRemaining: null,
          periodStart: 0,
          windowMs: check.windowMs,
        };
      },
    };
  }

  private quotaState(check: Extract<LimitCheck, { kind: "quota" }>, now: number) {
    const stored = this.quotas.get(check.key);
    const counter = stored && now < stored.end ? stored : { ...freshQuotaPeriod(check, now), calls: 0, bytes: 0 };
    const exceeded = (check.calls !== null && counter.calls >= check.calls) || (check.bytes !== null && counter.bytes >= check.bytes);
    return {
      exceeded,
      commit: () => {
        counter.calls += 1;
        this.quotas.set(check.key, counter);
      },
      result: (): LimitResult => ({
        exceeded,
        remaining: check.calls === null ? null : Math.max(check.calls - counter.calls, 0),
        resetMs: Math.max(counter.end - now, 0),
        bytesRemaining: check.bytes === null ? null : Math.max(check.bytes - counter.bytes, 0),
        periodStart: counter.start,
        windowMs: check.rolling ? ROLLING_PERIOD_MS[check.period] : calendarPeriod(check.period, counter.start).end - counter.start,
      }),
    };
  }

  private sweep(): void {
    const now = this.clock();
    for (const [key, { windowMs, calls }] of this.windows) {
      if (calls.length === 0 || calls[calls.length - 1] <= now - windowMs) this.windows.delete(key);
    }
    for (const [key, counter] of this.quotas) if (counter.end <= now) this.quotas.delete(key);
  }
}
