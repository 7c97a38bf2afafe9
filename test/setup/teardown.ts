// Registered in vitest.config.ts `setupFiles`, so it runs in every test file: the file's
// PostgreSQL and Redis clients are closed once, after everything else in the file. Vitest runs
// afterAll hooks in reverse order of registration and a setup file registers first, so the
// file's own clean-up (and an in-process stack's stop) still has its connections.
import { afterAll } from "vitest";

// lib/db.ts, lib/redis.ts and lib/analytics/analytics-db.ts keep their one client per process on globalThis under these names.
// A file that never opened one (every unit test) skips importing them: Prisma's client alone
// would cost it most of a second just to close nothing.
const opened = globalThis as { portcullisPrisma?: unknown; portcullisRedis?: unknown; portcullisAnalyticsPool?: unknown };

afterAll(async () => {
  if (opened.portcullisPrisma) await (await import("@/lib/db")).disconnectDb();
  if (opened.portcullisRedis) await (await import("@/lib/redis")).disconnectRedis();
  if (opened.portcullisAnalyticsPool) await (await import("@/lib/analytics/analytics-db")).closeAnalyticsDb();
});
