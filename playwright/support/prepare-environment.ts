// Runs before the console starts: a fresh database, a clean Redis prefix, the demo seed.
import { execFileSync } from "node:child_process";
import { Redis } from "ioredis";
import { e2eEnv, e2ePorts } from "./e2e-env";

async function clearRedisPrefix(prefix: string) {
  const redis = new Redis(e2eEnv.REDIS_URL as string);
  const stream = redis.scanStream({ match: `${prefix}:*`, count: 500 });
  for await (const keys of stream as AsyncIterable<string[]>) if (keys.length) await redis.del(...keys);
  await redis.quit();
}

const env = { ...process.env, ...e2eEnv };
// The reset guard refuses NODE_ENV=production; this database is the suite's own.
execFileSync("npx", ["tsx", "scripts/db/migrate.ts", "reset"], { stdio: "inherit", env: { ...env, NODE_ENV: "test" } });
await clearRedisPrefix(e2eEnv.CONFIG_CHANNEL_PREFIX as string);
// Under the react-server condition, as in the console, so lib/db's "server-only" lets the seed in.
execFileSync("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts", `http://127.0.0.1:${e2ePorts.demoBackend}`], { stdio: "inherit", env });
