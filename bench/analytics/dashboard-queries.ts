// The dashboard's queries as bench:analytics times them: the services behind
// /api/v1/analytics/* called in-process as a platform admin would (the route
// handlers add only zod parsing and auth), for the last 30 days, 7 days and hour,
// unfiltered and filtered by the busiest API and the busiest subscription. Each query is
// parsed by its route's zod schema first, so it gets the route's defaults (limit, interval).
import { requestLogQuerySchema, requestSeriesQuerySchema, topQuerySchema } from "@/lib/analytics/analytics-schemas";
import type { Actor } from "@/lib/iam/actor";
import { getRequestSeries } from "@/lib/analytics/query/get-request-series";
import { getTop } from "@/lib/analytics/query/get-top";
import { listRequestLog } from "@/lib/analytics/query/list-request-log";

export type BenchQuery = { label: string; run: () => Promise<unknown>; note?: (result: unknown) => string };

const RANGES = [
  ["30 d", 30 * 86_400_000],
  ["7 d", 7 * 86_400_000],
  ["1 h", 3_600_000],
] as const;

export function dashboardQueries(o: { adminId: string; toMs: number; busiestApi: string; busiestSubscription: string }): BenchQuery[] {
  const actor: Actor = { type: "user", id: o.adminId, label: "bench-admin@bench.local", role: "platform_admin", userId: o.adminId };
  const filters = [
    ["all", {}],
    ["busiest API", { apiId: o.busiestApi }],
    ["busiest subscription", { subscriptionId: o.busiestSubscription }],
  ] as const;
  const to = new Date(o.toMs).toISOString();
  const queries: BenchQuery[] = [];
  for (const [rangeLabel, ms] of RANGES) {
    const from = new Date(o.toMs - ms).toISOString();
    for (const [filterLabel, filter] of filters) {
      queries.push({
        label: `series   ${rangeLabel.padEnd(5)} ${filterLabel}`,
        run: () => getRequestSeries(actor, requestSeriesQuerySchema.parse({ from, to, ...filter })),
        note: (r) => {
          const s = r as { interval: string; series: unknown[]; totals: { count: number } };
          return `${s.series.length} ${s.interval} points, ${s.totals.count.toLocaleString("en")} requests`;
        },
      });
      queries.push({
        label: `log      ${rangeLabel.padEnd(5)} ${filterLabel}, first page`,
        run: () => listRequestLog(actor, requestLogQuerySchema.parse({ from, to, ...filter })),
        note: (r) => `${(r as { items: unknown[] }).items.length} items`,
      });
    }
  }
  const from30 = new Date(o.toMs - 30 * 86_400_000).toISOString();
  for (const dimension of ["api", "subscription", "user", "operation", "reason", "status"] as const) {
    queries.push({ label: `top      30 d  ${dimension}`, run: () => getTop(actor, topQuerySchema.parse({ from: from30, to, dimension })), note: topNote });
  }
  queries.push({ label: "top      30 d  operation of the busiest API", run: () => getTop(actor, topQuerySchema.parse({ from: from30, to, dimension: "operation", apiId: o.busiestApi })), note: topNote });
  return queries;
}

const topNote = (r: unknown) => {
  const first = (r as { items: { label: string; count: number }[] }).items[0];
  return first ? `first: ${first.label.slice(0, 40)} ${first.count.toLocaleString("en")}` : "no items";
};

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

/** Runs each query `runs` times in turn (the first run is the cold one); ms of each. */
export async function timeQueries(queries: BenchQuery[], runs: number) {
  const out = [];
  for (const q of queries) {
    const ms: number[] = [];
    let last: unknown;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      last = await q.run();
      ms.push(performance.now() - started);
    }
    const sorted = [...ms].sort((a, b) => a - b);
    out.push({ label: q.label, first: ms[0]!, p50: pct(sorted, 50), max: sorted[sorted.length - 1]!, note: q.note?.(last) });
  }
  return out;
}
