// Counts calls against limits in Redis, shared by every gateway instance. The calls
// of one event-loop turn leave together as one EVALSHA of the batch script
// (limit-scripts.ts), which admits them one after the other exactly as separate
// calls would be: one command, one reply and one script run for all of them rather
// than one each (what a request cost in Redis and in ioredis was mostly the
// per-command part). Its own connection, apart from the config channel's, fails
// fast (no offline queue) so a Redis that is down costs a request no wait. While
// Redis is unreachable an API failing open is counted by this instance alone
// (local-limiter.ts); ioredis keeps reconnecting, so it recovers by itself.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { calendarPeriod, ROLLING_PERIOD_MS } from "../contract/limit-counters.js";
import type { LimitCheck, LimitDecision, LimitResult } from "./limit-checks.js";
import { ADD_BYTES_LUA, ADMIT_LUA } from "./limit-scripts.js";
import { LocalLimiter } from "./local-limiter.js";

export class LimiterUnavailableError extends Error {
  constructor(cause: unknown) {
    super("the limiter's Redis is unreachable", { cause });
    this.name = "LimiterUnavailableError";
  }
}

export interface LimiterStats {
  /** Calls decided by this instance alone because Redis was unreachable (fail open). */
  localDecisions: number;
  /** Calls refused with 503 because Redis was unreachable (fail closed). */
  refusedUnavailable: number;
  redisErrors: number;
  /** false from the first failed call (or lost connection) until Redis answers again. */
  redisReachable: boolean;
}

export interface Limiter {
  /** `failOpen`: decide locally when Redis is unreachable; otherwise throws LimiterUnavailableError. */
  admit(checks: readonly LimitCheck[], failOpen: boolean): Promise<LimitDecision>;
  /** Adds a response's bytes to the bytes quotas it was admitted under; never throws. */
  addBytes(counted: readonly { key: string; periodStart: number }[], bytes: number, shared: boolean): void;
  readonly stats: LimiterStats;
  /** Resolves once connected, or after `timeoutMs` (a gateway starts without Redis and fails open or closed). */
  ready(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** Calls per script run at most: a longer batch leaves as several, so one script never holds Redis long. */
const MAX_BATCH = 128;

interface PendingCall {
  checks: readonly LimitCheck[];
  failOpen: boolean;
  resolve(decision: LimitDecision): void;
  reject(err: unknown): void;
}

type LimitRedis = Redis & {
  admitCall(keys: number, ...args: (string | number)[]): Promise<number[]>;
  addResponseBytes(keys: number, ...args: (string | number)[]): Promise<number>;
};

// A disconnected Redis fails at once (no offline queue); this bounds only a connected Redis that stalls.
// Generous, because a call whose script timed out may still have been counted in Redis: falling back
// to local counters then can admit it twice, so it must only happen when Redis is really stuck.
const COMMAND_TIMEOUT_MS = 2000;

export function createLimiter(options: { redisUrl: string; logger: Logger; onRedisError?: () => void }): Limiter {
  const { logger } = options;
  const redis = new Redis(options.redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2000,
    // Reconnect forever, at most every 2 s: the limiter must come back without a restart.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    // The limiter batches its calls itself (below); bytes updates are rare.
    enableAutoPipelining: false,
  }) as LimitRedis;
  redis.defineCommand("admitCall", { lua: ADMIT_LUA });
  redis.defineCommand("addResponseBytes", { lua: ADD_BYTES_LUA });

  const local = new LocalLimiter();
  const stats: LimiterStats = { localDecisions: 0, refusedUnavailable: 0, redisErrors: 0, redisReachable: true };
  const markDown = (err: unknown) => {
    stats.redisErrors += 1;
    options.onRedisError?.();
    if (!stats.redisReachable) return;
    stats.redisReachable = false;
    logger.error({ err: err instanceof Error ? err.message : String(err) }, "limiter Redis unreachable: limits fall back to each API's onLimiterFailure");
  };
  const markUp = () => {
    if (stats.redisReachable) return;
    stats.redisReachable = true;
    logger.info("limiter Redis reachable again: limits are shared by all gateways again");
  };
  redis.on("error", markDown);
  redis.on("ready", markUp);

  // Unique call ids (the rate counters' members): this process's random prefix and a counter.
  const idPrefix = `${randomBytes(9).toString("base64url")}:`;
  let callCount = 0;
  let pending: PendingCall[] = [];

  const decideWithout = (call: PendingCall, err: unknown) => {
    markDown(err);
    if (!call.failOpen) {
      stats.refusedUnavailable += 1;
      return call.reject(new LimiterUnavailableError(err));
    }
    stats.localDecisions += 1;
    call.resolve(local.admit(call.checks));
  };

  /** Sends the calls gathered during this turn of the event loop. */
  function flush() {
    const calls = pending;
    pending = [];
    for (let start = 0; start < calls.length; start += MAX_BATCH) send(start === 0 && calls.length <= MAX_BATCH ? calls : calls.slice(start, start + MAX_BATCH));
  }

  function send(calls: PendingCall[]) {
    const keys: string[] = [];
    const args: (string | number)[] = [calls.length];
    for (const { checks } of calls) {
      args.push(checks.length, idPrefix + (callCount++).toString(36));
      for (const check of checks) {
        keys.push(check.key);
        if (check.kind === "rate") args.push("rate", check.calls, check.windowMs, 0, 0);
        else args.push("quota", check.calls ?? 0, check.bytes ?? 0, check.period, check.rolling ? 1 : 0);
      }
    }
    let reply: Promise<number[]>;
    try {
      reply = redis.admitCall(keys.length, ...keys, ...args);
    } catch (err) {
      return calls.forEach((call) => decideWithout(call, err));
    }
    reply.then(
      (values) => {
        markUp();
        let at = 0;
        for (const call of calls) {
          const admitted = values[at] === 1;
          const results = call.checks.map((check, i) => resultFrom(check, values, at + 1 + i * 5));
          at += 1 + call.checks.length * 5;
          call.resolve({ admitted, shared: true, results });
        }
      },
      (err: unknown) => calls.forEach((call) => decideWithout(call, err)),
    );
  }

  return {
    stats,

    admit(checks, failOpen) {
      return new Promise<LimitDecision>((resolve, reject) => {
        pending.push({ checks, failOpen, resolve, reject });
        if (pending.length === 1) setImmediate(flush);
      });
    },

    addBytes(counted, bytes, shared) {
      if (counted.length === 0 || bytes <= 0) return;
      if (!shared) return local.addBytes(counted, bytes);
      redis
        .addResponseBytes(counted.length, ...counted.map((c) => c.key), bytes, ...counted.map((c) => String(c.periodStart)))
        .catch((err: unknown) => {
          // The call was counted in Redis; its bytes are lost with Redis, and the outage is logged once.
          markDown(err);
        });
    },

    async ready(timeoutMs) {
      if (redis.status === "ready") return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          redis.off("ready", done);
          resolve();
        }
        redis.once("ready", done);
      });
    },

    async close() {
      local.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** The 5 values of one limit in the script's reply, from `at`. */
function resultFrom(check: LimitCheck, reply: readonly number[], at: number): LimitResult {
  const exceeded = reply[at], remaining = reply[at + 1], resetMs = reply[at + 2], bytesRemaining = reply[at + 3], periodStart = reply[at + 4];
  if (check.kind === "rate") {
    return { exceeded: exceeded === 1, remaining, resetMs, bytesRemaining: null, periodStart: 0, windowMs: check.windowMs };
  }
  return {
    exceeded: exceeded === 1,
    remaining: check.calls === null ? null : remaining,
    resetMs,
    bytesRemaining: check.bytes === null ? null : bytesRemaining,
    periodStart,
    windowMs: check.rolling ? ROLLING_PERIOD_MS[check.period] : calendarPeriod(check.period, periodStart).end - periodStart,
  };
}
