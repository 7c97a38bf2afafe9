// npm run bench:import - imports GitHub's REST API description (13 MB, 1,223 operations,
// from the @octokit/openapi devDependency) through the real import service and database,
// and prints each phase, the total, and the total relative to a baseline measured in the
// same run (a plain JSON.parse of the same file), so numbers compare across machines.
//
// Uses its own database (BENCH_DATABASE_URL, default portcullis_bench, migrated first)
// and its own Redis key prefix, so it never touches the demo data or running gateways.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/portcullis_bench";
execFileSync("npx", ["tsx", "scripts/db/migrate.ts", "deploy"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: databaseUrl } });
process.env.DATABASE_URL = databaseUrl;
process.env.CONFIG_CHANNEL_PREFIX = "portcullis-bench";

const { importApi } = await import("@/lib/apis/import-api");
const { systemActor } = await import("@/lib/iam/actor");
const { db, disconnectDb } = await import("@/lib/db");
const { disconnectRedis } = await import("@/lib/redis");
const { warmLintWorkers } = await import("@/lib/apis/specs/lint-worker-pool");

const file = createRequire(import.meta.url).resolve("@octokit/openapi/generated/api.github.com.json");
const ms = (from: number) => performance.now() - from;

let started = performance.now();
const text = readFileSync(file, "utf8");
const readMs = ms(started);

// Baseline: the cheapest possible "import" of the same bytes.
started = performance.now();
JSON.parse(text);
const baselineMs = ms(started);

// A running server has its database pool connected and its lint workers started
// (instrumentation.ts); so does the bench before timing. BENCH_COLD=1 skips the workers.
await db().$queryRaw`SELECT 1`;
if (!process.env.BENCH_COLD) await warmLintWorkers();

const phases: { phase: string; ms: number; endsAt: number }[] = [];
const begin = performance.now();
const api = await importApi(
  { name: "GitHub REST API (bench)", path: `bench-github-${Date.now().toString(36)}`, backendUrl: "https://api.github.com", spec: text, lifecycle: "draft" },
  systemActor,
  { onPhase: (e) => e.status === "done" && phases.push({ phase: e.phase, ms: e.ms ?? 0, endsAt: ms(begin) }) },
);
const totalMs = ms(begin);

const pad = (s: string, n: number) => s.padEnd(n);
const fmt = (n: number) => `${(n / 1000).toFixed(3)} s`.padStart(9);
console.log(`GitHub REST API description: ${(text.length / 1e6).toFixed(1)} MB, ${api.operations?.length} operations, lint (${api.lint.ruleset}): ${api.lint.errors} errors, ${api.lint.warnings} warnings`);
console.log(`${pad("read file (not counted)", 26)}${fmt(readMs)}`);
for (const p of phases) console.log(`${pad(p.phase, 26)}${fmt(p.ms)}   done at ${fmt(p.endsAt)}`);
console.log("(lint runs on a worker thread, overlapping bundle and store; 'done at' is wall-clock from the start)");
console.log(`${pad("total", 26)}${fmt(totalMs)}${totalMs < 5000 ? "   (budget 5 s: ok)" : "   (budget 5 s: OVER)"}`);
console.log(`${pad("baseline JSON.parse", 26)}${fmt(baselineMs)}`);
console.log(`${pad("total / baseline", 26)}${(totalMs / baselineMs).toFixed(1).padStart(7)} x`);

await db().api.delete({ where: { id: api.id } });
await disconnectDb();
await disconnectRedis();
