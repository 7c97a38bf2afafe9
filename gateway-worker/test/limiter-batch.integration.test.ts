// The limiter sends the calls of one event-loop turn as one script run (several when
// there are more than a batch holds): exactly as many are admitted as separate calls
// would be, in the order they were made, each with its own remaining count, and a call
// refused by one of its limits consumes none of the others, within a batch too.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LimitCheck } from "../src/limits/limit-checks";
import { createLimiter, type Limiter } from "../src/limits/limiter";
import { REDIS_URL } from "./helpers/gateway-fixture";

const prefix = `limiter-batch-${randomUUID()}`;
let limiter: Limiter;
let redis: Redis;

beforeAll(async () => {
  limiter = createLimiter({ redisUrl: REDIS_URL, logger: pino({ level: "silent" }) });
  await limiter.ready(2000);
  redis = new Redis(REDIS_URL);
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await limiter.close();
});

const rate = (name: string, calls: number): LimitCheck => ({ kind: "rate", scope: "product", key: `${prefix}:${name}`, calls, windowMs: 60_000 });
const quota = (name: string, calls: number): LimitCheck => ({
  kind: "quota",
  scope: "api",
  key: `${prefix}:${name}`,
  calls,
  bytes: null,
  period: "day",
  rolling: false,
});

describe("a batch of calls", () => {
  it("admits exactly the limit, in call order, across several script runs", async () => {
    const checks = [rate("many", 100)];
    const decisions = await Promise.all(Array.from({ length: 300 }, () => limiter.admit(checks, true)));
    expect(decisions.every((d) => d.shared)).toBe(true);
    expect(decisions.filter((d) => d.admitted)).toHaveLength(100);
    // The first 100 calls made are the admitted ones, each told what is left after it.
    expect(decisions.slice(0, 100).map((d) => d.results[0].remaining)).toEqual(Array.from({ length: 100 }, (_, i) => 99 - i));
    expect(decisions.slice(100).every((d) => !d.admitted && d.results[0].exceeded && d.results[0].remaining === 0)).toBe(true);
    expect(await redis.zcard(`${prefix}:many`)).toBe(100);
    // A refused call is told to wait until the window frees a slot: within the window, never 0.
    for (const d of decisions.slice(100)) {
      expect(d.results[0].resetMs).toBeGreaterThan(59_000);
      expect(d.results[0].resetMs).toBeLessThanOrEqual(60_000);
    }
  });

  it("counts many calls of one batch on a fresh quota and an existing one, as separate calls would", async () => {
    const fresh = quota("fresh-many", 50);
    const first = await Promise.all(Array.from({ length: 80 }, () => limiter.admit([fresh], true)));
    expect(first.filter((d) => d.admitted)).toHaveLength(50);
    expect(first.slice(0, 50).map((d) => d.results[0].remaining)).toEqual(Array.from({ length: 50 }, (_, i) => 49 - i));
    expect(Number(await redis.hget(`${prefix}:fresh-many`, "calls"))).toBe(50);

    const existing = quota("existing", 30);
    await limiter.admit([existing], true); // the counter exists before the batch
    const second = await Promise.all(Array.from({ length: 40 }, () => limiter.admit([existing], true)));
    expect(second.filter((d) => d.admitted)).toHaveLength(29);
    expect(second[28].results[0].remaining).toBe(0);
    expect(Number(await redis.hget(`${prefix}:existing`, "calls"))).toBe(30);
    expect(await redis.pttl(`${prefix}:existing`)).toBeGreaterThan(60_000); // kept past the period's end
  });

  it("counts a call refused by one limit in none of its others, whatever else the batch holds", async () => {
    const tight = rate("tight", 2);
    const wide = quota("wide", 1000);
    const other = rate("other", 10);
    const decisions = await Promise.all([
      limiter.admit([tight, wide], true),
      limiter.admit([other], true),
      limiter.admit([tight, wide], true),
      limiter.admit([tight, wide], true), // refused by `tight`: `wide` must not count it
      limiter.admit([other, wide], true),
    ]);
    expect(decisions.map((d) => d.admitted)).toEqual([true, true, true, false, true]);
    expect(decisions[3].results.map((r) => r.exceeded)).toEqual([true, false]);
    expect(Number(await redis.hget(`${prefix}:wide`, "calls"))).toBe(3);
    expect(decisions[4].results[1].remaining).toBe(997);
    expect(decisions[1].results[0].remaining).toBe(9);
    expect(decisions[4].results[0].remaining).toBe(8);
  });
});
