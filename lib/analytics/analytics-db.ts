// The analytics schema's connection pool: raw SQL through node-postgres, not Prisma. The
// schema (partitioned request table, rollups, analytics.hist_merge) lives outside Prisma's
// model (prisma/migrations/20261202070000_analytics), and ingestion wants multi-row
// unnest() inserts and upserts that Prisma cannot express.
import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

const globalForPool = globalThis as unknown as { portcullisAnalyticsPool?: pg.Pool };

/** One pool per process; `max` is read only when the pool is first created. */
export function analyticsDb(options: { max?: number } = {}): pg.Pool {
  if (!globalForPool.portcullisAnalyticsPool) {
    // jit=off: the dashboard's aggregates are short; JIT compiling them cost 1-2 s on some top lists (bench:analytics).
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: options.max ?? 10, idleTimeoutMillis: 30_000, options: "-c jit=off" });
    // An idle connection the server dropped must not crash the process; the next query reconnects.
    pool.on("error", () => {});
    globalForPool.portcullisAnalyticsPool = pool;
  }
  return globalForPool.portcullisAnalyticsPool;
}

export async function closeAnalyticsDb(): Promise<void> {
  const pool = globalForPool.portcullisAnalyticsPool;
  globalForPool.portcullisAnalyticsPool = undefined;
  await pool?.end();
}
