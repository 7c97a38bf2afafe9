// npm run bench:analytics - analytics at scale (#17): ingestion throughput and dashboard queries.
//
// Seeds (plain SQL) 1,000 APIs in 100 products and 100,000 subscriptions owned by
// 20,000 developers; generates BENCH_RECORDS (default 10,000,000) synthetic request records
// over the last 30 days (bench/analytics/synthetic-records.ts) and measures:
//   - the baseline: plain COPY of the same rows into an unindexed table (copy-baseline.ts);
//   - ingestion THROUGH THE INGESTER'S CODE (lib/analytics/ingest: each batch validated, then
//     batchGroups + writeBatches as start-analytics-ingester.ts runs them), batches of
//     MAX_ANALYTICS_BATCH records, BENCH_INGESTERS (default 2) transactions at once of up to
//     GROUP_BATCHES batches each, then the day rollups built from the hours of the closed days
//     (closeRollupDays, as the ingester's periodic task does once a day), as records/s and as a
//     share of the COPY rate (target >= 20,000 records/s), and the CPU time per 1,000 records
//     (this process and PostgreSQL's backends): the rate the cores would sustain for this
//     alone, which a busy machine distorts less;
//   - every dashboard query (series, top lists, request log) for the last 30 days, 7 days and
//     hour, unfiltered and filtered by the busiest API and subscription, as a platform admin,
//     BENCH_QUERY_RUNS (default 5) times each: first, p50 and max ms (target < 300 ms);
//   - the analytics schema's size per million records.
// Exits 0 when a target is missed (it reports). Own database (BENCH_DATABASE_URL, default
// portcullis_bench_analytics, reset first, dropped at the end unless BENCH_KEEP_DB=1).
// BENCH_LOAD_BUDGET_S stops the load early (newest records first, so the recent ranges are whole).
// BENCH_REUSE_DB=1 skips seeding and loading and times the queries again on a database kept by
// an earlier run (pending migrations applied first), e.g. after a query changed.
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { analyticsBatchSchema, MAX_ANALYTICS_BATCH } from "@portcullis/gateway/contract/analytics-record";
import { openCopyBaseline } from "./analytics/copy-baseline";
import { cpuSnapshot, cpuSpent } from "./analytics/cpu-time";
import { dashboardQueries, timeQueries } from "./analytics/dashboard-queries";
import { inChunks, syntheticTraffic } from "./analytics/synthetic-records";

const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000_000);
const INGESTERS = Number(process.env.BENCH_INGESTERS ?? 2);
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 5);
/** Stop loading after this many seconds (default: load everything); the figures then say how much was loaded. */
const LOAD_BUDGET_MS = Number(process.env.BENCH_LOAD_BUDGET_S ?? Infinity) * 1000;
const DAYS = 30;
const INGEST_TARGET = 20_000;
const QUERY_TARGET_MS = 300;
/** Batches generated ahead of each timed step (40 x 5,000 records, ~200 MB). */
const CHUNK = 40;
const root = path.resolve(import.meta.dirname, "..");
const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/portcullis_bench_analytics";

const REUSE = process.env.BENCH_REUSE_DB === "1";
execFileSync("npx", ["tsx", "scripts/db/migrate.ts", REUSE ? "deploy" : "reset"], { cwd: root, stdio: "ignore", env: { ...process.env, DATABASE_URL: databaseUrl } });
Object.assign(process.env, { DATABASE_URL: databaseUrl, CONFIG_CHANNEL_PREFIX: `portcullis-bench-analytics-${process.pid}` });

const { disconnectDb } = await import("@/lib/db");
const { analyticsDb, closeAnalyticsDb } = await import("@/lib/analytics/analytics-db");
const { writeBatches } = await import("@/lib/analytics/ingest/ingest-batch");
const { batchGroups } = await import("@/lib/analytics/ingest/batch-groups");
const { GROUP_BATCHES } = await import("@/lib/analytics/ingest/start-analytics-ingester");
const { closeRollupDays } = await import("@/lib/analytics/ingest/close-rollup-days");
const { refreshTopCandidates } = await import("@/lib/analytics/query/refresh-top-candidates");
const { catalogueOf, seedCatalogue } = await import("./analytics/seed-catalogue");
const { dropDatabase } = await import("@/scripts/db/pg-admin");

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (rows: number, ms: number) => rows / (ms / 1000);
const n = (v: number) => Math.round(v).toLocaleString("en");

type Catalogue = ReturnType<typeof catalogueOf>;
type LoadFigures = {
  records: number;
  oldestMs: number;
  generateRate: number;
  copy: { rows: number; ms: number; bytes: number };
  ingestRate: number;
  /** Of the ingestion time, building the day rollups of the closed days from their hours. */
  closeDays: { days: number; ms: number };
  /** CPU ms per 1,000 records ingested: this process (the ingester's code) and PostgreSQL. */
  cpu: { nodeMs: number; postgresMs: number };
};

/** Generates the records and loads them twice: COPY baseline, then the ingester's code. */
async function load(catalogue: Catalogue, toMs: number): Promise<LoadFigures> {
  // The range ends now, so "the last hour" holds the newest records; the first minute of the
  // 30 days is left out so no record falls on the edge of the raw retention.
  const fromMs = toMs - DAYS * 86_400_000 + 60_000;
  const traffic = syntheticTraffic(catalogue, { records: RECORDS, batchSize: MAX_ANALYTICS_BATCH, fromMs, toMs, gateways: ["bench-gw-1", "bench-gw-2"], seed: 17 });
  // Batches are generated CHUNK at a time outside the timings (the figures are PostgreSQL's and
  // the ingester's, not the generator's, which shares this process's one thread); each chunk
  // goes to the COPY baseline, then through the ingester: one generation pass for both.
  console.log(
    `loading ${n(RECORDS)} records (${traffic.batches} batches): COPY baseline, then the ingester's code with ${INGESTERS} transactions at once ` +
      `(up to ${GROUP_BATCHES} batches each), chunk by chunk ...`,
  );
  const baseline = await openCopyBaseline(databaseUrl, catalogue.ownerOf);
  const pool = analyticsDb({ max: INGESTERS + 2 });
  // A live ingester gets each record while its day is open and builds the day rollups once the
  // day closes. The 30 days arrive here all at once, as if each were still open: the day state
  // starts before them (the database is new: no day rows to contradict it), and the closed days
  // are built after the load, in the ingestion figures.
  await pool.query("UPDATE analytics.rollup_day_state SET closing_before = $1, compacted_before = $1", [new Date(Math.floor(fromMs / 86_400_000) * 86_400_000)]);
  // As the ingester does (start-analytics-ingester.ts): each job validated alone, then written in
  // shared transactions, INGESTERS at once, with INGESTERS x GROUP_BATCHES jobs in hand.
  const ingest = batchGroups((batches) => writeBatches(batches), { inFlight: INGESTERS, maxBatches: GROUP_BATCHES });
  let ingested = 0;
  let ingestMs = 0;
  const cpu = { nodeMs: 0, postgresMs: 0 };
  let lastReport = performance.now();
  let generateMs = 0;
  const loadStarted = performance.now();
  let oldestMs = toMs;
  const chunks = inChunks(traffic, CHUNK);
  for (;;) {
    let started = performance.now();
    const { done, value: chunk } = chunks.next();
    generateMs += performance.now() - started;
    if (done) break;
    if (performance.now() - loadStarted > LOAD_BUDGET_MS) {
      console.log(`  !! BENCH_LOAD_BUDGET_S reached: stopping the load at ${n(ingested)} of ${n(RECORDS)} records (newest first)`);
      break;
    }
    await baseline.copy(chunk);
    oldestMs = Math.min(oldestMs, chunk.at(-1)!.records[0]!.t);
    let next = 0;
    const cpuBefore = await cpuSnapshot(pool);
    started = performance.now();
    await Promise.all(
      Array.from({ length: INGESTERS * GROUP_BATCHES }, async () => {
        for (let i = next++; i < chunk.length; i = next++) {
          const { records } = await ingest(analyticsBatchSchema.parse(chunk[i]!));
          ingested += records;
        }
      }),
    );
    ingestMs += performance.now() - started;
    const spent = cpuSpent(cpuBefore, await cpuSnapshot(pool));
    cpu.nodeMs += spent.nodeMs;
    cpu.postgresMs += spent.postgresMs;
    if (performance.now() - lastReport > 30_000) {
      lastReport = performance.now();
      console.log(`  ${n(ingested)} records, ${n(rate(ingested, ingestMs))} records/s so far`);
    }
  }
  const cpuBefore = await cpuSnapshot(pool);
  const closeStarted = performance.now();
  const closedDays = (await closeRollupDays(pool, { now: toMs })) ?? 0;
  const closeDays = { days: closedDays, ms: performance.now() - closeStarted };
  ingestMs += closeDays.ms;
  const spent = cpuSpent(cpuBefore, await cpuSnapshot(pool));
  cpu.nodeMs += spent.nodeMs;
  cpu.postgresMs += spent.postgresMs;
  console.log(`  day rollups of ${closedDays} closed days built from their hours in ${secs(closeDays.ms)} (${n(spent.postgresMs)} ms of PostgreSQL CPU)`);
  const copy = await baseline.finish();
  const copyRate = rate(copy.rows, copy.ms);
  const ingestRate = rate(ingested, ingestMs);
  console.log(`  COPY ${n(copyRate)} rows/s (${secs(copy.ms)}), ingestion ${n(ingestRate)} records/s (${secs(ingestMs)}, closing the days included)`);
  if (ingested !== copy.rows) console.log(`  !! ${n(copy.rows - ingested)} records were not counted (duplicates?)`);

  const perThousand = (ms: number) => (ms / ingested) * 1000;
  return { records: ingested, oldestMs, generateRate: rate(copy.rows, generateMs), copy, ingestRate, closeDays, cpu: { nodeMs: perThousand(cpu.nodeMs), postgresMs: perThousand(cpu.postgresMs) } };
}

/** What an earlier run loaded into the kept database. */
async function loadedBefore(): Promise<{ toMs: number; records: number; oldestMs: number }> {
  const { rows } = await analyticsDb().query<{ records: string; oldest: Date; newest: Date }>(
    "SELECT (SELECT sum(records) FROM analytics.ingested_batch) AS records, min(t) AS oldest, max(t) AS newest FROM analytics.request",
  );
  const { records, oldest, newest } = rows[0]!;
  return { toMs: Math.ceil((newest.getTime() + 1) / 60_000) * 60_000, records: Number(records), oldestMs: oldest.getTime() };
}

try {
  const shape = { apis: 1_000, products: 100, subscriptions: 100_000, developers: 20_000 };
  let started = performance.now();
  let catalogue: Catalogue;
  let figures: LoadFigures | null = null;
  let toMs: number;
  let ingested: number;
  let oldestMs: number;
  if (REUSE) {
    catalogue = catalogueOf(shape);
    ({ toMs, records: ingested, oldestMs } = await loadedBefore());
    console.log(`reusing ${n(ingested)} records loaded by an earlier run (up to ${new Date(toMs).toISOString()})`);
  } else {
    catalogue = await seedCatalogue(databaseUrl, shape);
    console.log(`seeded 1,000 APIs, 100,000 subscriptions, 20,000 developers in ${secs(performance.now() - started)}`);
    toMs = Math.floor(Date.now() / 60_000) * 60_000;
    figures = await load(catalogue, toMs);
    ({ records: ingested, oldestMs } = figures);
  }

  // The ingester's periodic task fills the top-N candidates of each closed hour as it goes;
  // here it catches up on the 30 days at once (not a target: it runs once per hour live).
  started = performance.now();
  const refreshedHours = await refreshTopCandidates({ now: new Date(toMs) });
  const refreshMs = performance.now() - started;
  console.log(`top candidates of ${refreshedHours} hours refreshed in ${secs(refreshMs)}`);

  // What autovacuum does in a running system (statistics, visibility map), done now so the
  // queries do not depend on when it last ran; its time is not a figure.
  started = performance.now();
  await analyticsDb().query("VACUUM ANALYZE");
  console.log(`VACUUM ANALYZE in ${secs(performance.now() - started)}`);

  const queries = dashboardQueries({ adminId: catalogue.adminId, toMs, busiestApi: catalogue.apis[0]!.id, busiestSubscription: catalogue.subscriptionsByProduct.get(catalogue.apis[0]!.productId)![0]! });
  const timings = await timeQueries(queries, QUERY_RUNS);

  const { rows: sizes } = await analyticsDb().query<{ part: string; bytes: string }>(`
    SELECT CASE WHEN c.relname LIKE 'request_p%' THEN 'raw records (partitions)' WHEN c.relname LIKE 'rollup_%' THEN 'rollups' ELSE 'other' END AS part,
           sum(pg_total_relation_size(c.oid)) AS bytes
    FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
    WHERE ns.nspname = 'analytics' AND c.relkind IN ('r', 'm') GROUP BY 1 ORDER BY 1`);
  const perMillion = (bytes: number) => `${(bytes / 1e6 / (ingested / 1e6)).toFixed(0)} MB`;
  const totalBytes = sizes.reduce((s, r) => s + Number(r.bytes), 0);

  const loadedDays = (toMs - oldestMs) / 86_400_000;
  const loaded = ingested === RECORDS ? `${n(RECORDS)} records over ${DAYS} days` : `${n(ingested)} of ${n(RECORDS)} records (the newest ${loadedDays.toFixed(1)} of ${DAYS} days)`;
  console.log(`\n== bench:analytics: ${loaded}, 1,000 APIs, 100,000 subscriptions ==`);
  console.log(`\ningestion                                   records/s    share of COPY   target`);
  if (figures) {
    const { generateRate, copy, ingestRate } = figures;
    const copyRate = rate(copy.rows, copy.ms);
    console.log(`${"generator (not in the figures below)".padEnd(40)}${n(generateRate).padStart(12)}`);
    console.log(`${"plain COPY, unindexed table (baseline)".padEnd(40)}${n(copyRate).padStart(12)}${"1.00".padStart(16)}`);
    console.log(
      `${`ingester's code, ${INGESTERS} transactions at once`.padEnd(40)}${n(ingestRate).padStart(12)}${(ingestRate / copyRate).toFixed(2).padStart(16)}   >= ${n(INGEST_TARGET)}/s: ${ingestRate >= INGEST_TARGET ? "met" : "NOT met"}`,
    );
    // What the rate would be if the two cores ran nothing else (a busy machine stretches the wall clock, not the CPU time).
    const { nodeMs, postgresMs } = figures.cpu;
    const cores = os.availableParallelism();
    console.log(
      `  CPU per 1,000 records: ${nodeMs.toFixed(0)} ms in the ingester's process, ${postgresMs.toFixed(0)} ms in PostgreSQL; ` +
        `with ${cores} cores for this alone (the process's own share on one): ${n(Math.min((cores * 1e6) / (nodeMs + postgresMs), 1e6 / nodeMs))} records/s`,
    );
  } else console.log("(not measured: BENCH_REUSE_DB=1)");

  console.log(`\nquery (as platform admin, ${QUERY_RUNS} runs)`.padEnd(66) + "first".padStart(8) + "p50".padStart(8) + "max".padStart(8) + "   < 300 ms");
  for (const t of timings) {
    const verdict = t.max < QUERY_TARGET_MS ? "met" : t.p50 < QUERY_TARGET_MS ? "p50 met, max NOT" : "NOT met";
    console.log(`${t.label.padEnd(65)}${t.first.toFixed(0).padStart(8)}${t.p50.toFixed(0).padStart(8)}${t.max.toFixed(0).padStart(8)}   ${verdict}${t.note ? `  (${t.note})` : ""}`);
  }

  console.log(`\nsize (schema analytics)                     total        per million records`);
  for (const s of sizes) console.log(`${s.part.padEnd(40)}${`${(Number(s.bytes) / 1e6).toFixed(0)} MB`.padStart(10)}${perMillion(Number(s.bytes)).padStart(16)}`);
  console.log(`${"all".padEnd(40)}${`${(totalBytes / 1e6).toFixed(0)} MB`.padStart(10)}${perMillion(totalBytes).padStart(16)}`);
  if (figures) {
    const { bytes } = figures.copy;
    console.log(`${"COPY table (no index, for comparison)".padEnd(40)}${`${(bytes / 1e6).toFixed(0)} MB`.padStart(10)}${perMillion(bytes).padStart(16)}`);
  }
} finally {
  await closeAnalyticsDb();
  await disconnectDb();
  if (process.env.BENCH_KEEP_DB === "1") console.log(`\nkept ${databaseUrl}`);
  else await dropDatabase(databaseUrl);
}
