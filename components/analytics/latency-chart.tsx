"use client";
// Latency percentiles over time. Each line is merged from the bucket's histograms on the
// server, never averaged; lines differ by dash pattern as well as colour. Dots, because a
// bucket with requests between empty ones (null) is a lone point that a line alone never draws.
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { RequestSeries } from "@/lib/analytics/analytics-schemas";
import { chartColors, formatBucket, formatMs } from "./chart-format";
import { SeriesCard, spansDays, type SeriesMetric } from "./series-card";

const metrics: SeriesMetric[] = [
  { label: "p50 ms", value: (p) => p.p50, format: formatMs },
  { label: "p95 ms", value: (p) => p.p95, format: formatMs },
  { label: "p99 ms", value: (p) => p.p99, format: formatMs },
];

const lines = [
  { key: "p50", name: "p50", color: chartColors.p50, dash: undefined },
  { key: "p95", name: "p95", color: chartColors.p95, dash: "6 3" },
  { key: "p99", name: "p99", color: chartColors.p99, dash: "2 2" },
] as const;

type Props = { series: RequestSeries | undefined; onSelectBucket?: (bucketStart: string) => void };

export function LatencyChart({ series, onSelectBucket }: Props) {
  const interval = series?.interval ?? "minute";
  const days = series ? spansDays(series) : false;
  return (
    <SeriesCard title="Latency" name="latency" series={series} metrics={metrics} description={`p50, p95 and p99 latency in milliseconds per ${interval}`}>
      <LineChart
        responsive
        style={{ width: "100%", height: 260 }}
        data={series?.series ?? []}
        onClick={(state) => state.activeLabel !== undefined && onSelectBucket?.(String(state.activeLabel))}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="t" tickFormatter={(t: string) => formatBucket(t, interval, days)} minTickGap={24} />
        <YAxis unit=" ms" width={72} />
        <Tooltip labelFormatter={(t) => formatBucket(String(t), interval, true)} formatter={(v) => formatMs(typeof v === "number" ? v : null)} />
        <Legend itemSorter={null} />
        {lines.map((l) => (
          <Line key={l.key} dataKey={l.key} name={l.name} stroke={l.color} strokeDasharray={l.dash} dot={{ r: 2 }} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    </SeriesCard>
  );
}
