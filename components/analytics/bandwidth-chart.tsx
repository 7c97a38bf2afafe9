"use client";
// Bytes received from clients and sent back to them, per bucket.
import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { RequestSeries } from "@/lib/analytics/analytics-schemas";
import { formatBytes } from "@/components/format";
import { chartColors, formatBucket } from "./chart-format";
import { SeriesCard, spansDays, type SeriesMetric } from "./series-card";

const bytes = (value: number | null) => formatBytes(value ?? 0);

const metrics: SeriesMetric[] = [
  { label: "Bytes in", value: (p) => p.bytesIn, format: bytes },
  { label: "Bytes out", value: (p) => p.bytesOut, format: bytes },
];

export function BandwidthChart({ series }: { series: RequestSeries | undefined }) {
  const interval = series?.interval ?? "minute";
  const days = series ? spansDays(series) : false;
  return (
    <SeriesCard title="Bandwidth" name="bandwidth" series={series} metrics={metrics} description={`request bytes in and response bytes out per ${interval}`}>
      <AreaChart responsive style={{ width: "100%", height: 260 }} data={series?.series ?? []}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="t" tickFormatter={(t: string) => formatBucket(t, interval, days)} minTickGap={24} />
        <YAxis tickFormatter={(v: number) => formatBytes(v)} width={72} />
        <Tooltip labelFormatter={(t) => formatBucket(String(t), interval, true)} formatter={(v) => formatBytes(typeof v === "number" ? v : 0)} />
        <Legend itemSorter={null} />
        <Area dataKey="bytesIn" name="Bytes in" stroke={chartColors.bytesIn} fill={chartColors.bytesIn} fillOpacity={0.25} isAnimationActive={false} />
        <Area
          dataKey="bytesOut"
          name="Bytes out"
          stroke={chartColors.bytesOut}
          strokeDasharray="5 3"
          fill={chartColors.bytesOut}
          fillOpacity={0.15}
          isAnimationActive={false}
        />
      </AreaChart>
    </SeriesCard>
  );
}
