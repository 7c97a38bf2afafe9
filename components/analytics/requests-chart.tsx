"use client";
// Requests over time, stacked by outcome (successful, 4xx, 5xx), with the error rate on
// its own axis. Clicking a bucket drills down to the requests of that bucket.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { RequestSeries } from "@/lib/analytics/analytics-schemas";
import { formatCount } from "@/components/format";
import { chartColors, formatBucket, formatRate, rate } from "./chart-format";
import { SeriesCard, spansDays, type SeriesMetric } from "./series-card";

const count = (value: number | null) => formatCount(value ?? 0);

const metrics: SeriesMetric[] = [
  { label: "Requests", value: (p) => p.count, format: count },
  { label: "Errors", value: (p) => p.errors, format: count },
  { label: "4xx", value: (p) => p.clientErrors, format: count },
  { label: "5xx", value: (p) => p.serverErrors, format: count },
  { label: "Error rate %", value: (p) => rate(p.errors, p.count), format: formatRate },
];

type Props = { series: RequestSeries | undefined; onSelectBucket?: (bucketStart: string) => void };

export function RequestsChart({ series, onSelectBucket }: Props) {
  const data = (series?.series ?? []).map((p) => ({
    t: p.t,
    ok: p.count - p.clientErrors - p.serverErrors,
    clientErrors: p.clientErrors,
    serverErrors: p.serverErrors,
    errorRate: rate(p.errors, p.count),
  }));
  const interval = series?.interval ?? "minute";
  const days = series ? spansDays(series) : false;
  return (
    <SeriesCard
      title="Requests and error rate"
      name="requests"
      series={series}
      metrics={metrics}
      description={`requests per ${interval}, stacked as successful, 4xx and 5xx, with the error rate in percent${onSelectBucket ? "; select a bar to list its requests" : ""}`}
    >
      <ComposedChart
        responsive
        style={{ width: "100%", height: 260 }}
        data={data}
        onClick={(state) => state.activeLabel !== undefined && onSelectBucket?.(String(state.activeLabel))}
        className={onSelectBucket ? "analytics-clickable" : undefined}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="t" tickFormatter={(t: string) => formatBucket(t, interval, days)} minTickGap={24} />
        <YAxis yAxisId="count" allowDecimals={false} tickFormatter={(v: number) => formatCount(v)} width={56} />
        <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} unit=" %" width={56} />
        <Tooltip labelFormatter={(t) => formatBucket(String(t), interval, true)} />
        <Legend itemSorter={null} />
        <Bar yAxisId="count" dataKey="ok" name="Successful" stackId="status" fill={chartColors.ok} isAnimationActive={false} />
        <Bar yAxisId="count" dataKey="clientErrors" name="4xx" stackId="status" fill={chartColors.clientError} isAnimationActive={false} />
        <Bar yAxisId="count" dataKey="serverErrors" name="5xx" stackId="status" fill={chartColors.serverError} isAnimationActive={false} />
        <Line
          yAxisId="rate"
          dataKey="errorRate"
          name="Error rate %"
          stroke={chartColors.rate}
          strokeDasharray="4 2"
          dot={{ r: 2 }}
          connectNulls
          isAnimationActive={false}
        />
      </ComposedChart>
    </SeriesCard>
  );
}
