"use client";
// The frame of every time-series chart: a card with its heading, "Download CSV", the chart,
// and the same figures as a table under "Show the data" (for screen readers and for reading
// exact values; the CSV holds these columns too).
import type { ReactNode } from "react";
import type { AnalyticsInterval, RequestSeries } from "@/lib/analytics/analytics-schemas";
import type { CsvColumn } from "@/lib/client/csv";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { DownloadCsvButton } from "./download-csv-button";
import { formatBucket } from "./chart-format";

export type SeriesPoint = RequestSeries["series"][number];

/** One figure per bucket: its column in the table and the CSV, and how to show it. */
export type SeriesMetric = { label: string; value: (point: SeriesPoint) => number | null; format: (value: number | null) => string };

type Props = {
  title: string;
  /** File name part: "requests", "latency", ... */
  name: string;
  series: RequestSeries | undefined;
  metrics: SeriesMetric[];
  /** What the chart shows, for those who do not see it. */
  description: string;
  children: ReactNode;
};

export const spansDays = (series: RequestSeries) => Date.parse(series.to) - Date.parse(series.from) > 86_400_000;

export function seriesCsvColumns(metrics: SeriesMetric[]): CsvColumn<SeriesPoint>[] {
  return [{ header: "t", value: (p) => p.t }, ...metrics.map((m) => ({ header: m.label, value: m.value }))];
}

export function SeriesCard({ title, name, series, metrics, description, children }: Props) {
  const points = series?.series ?? [];
  const interval: AnalyticsInterval = series?.interval ?? "minute";
  const days = series ? spansDays(series) : false;
  return (
    <Card
      title={title}
      headingLevel={3}
      className="analytics-chart-card"
      actions={<DownloadCsvButton name={["analytics", name]} columns={seriesCsvColumns(metrics)} rows={points} of={title} />}
    >
      <figure className="analytics-figure" aria-label={`${title}: ${description}`}>
        {series ? children : <p className="muted">Loading…</p>}
      </figure>
      {series && (
        <details className="analytics-data">
          <summary>Show the data ({points.length} {interval === "day" ? "days" : `${interval}s`}, in your local time)</summary>
          <Table caption={`${title} per ${interval}`} columns={["Time", ...metrics.map((m) => m.label)]}>
            {points.map((point) => (
              <tr key={point.t}>
                <td>{formatBucket(point.t, interval, days)}</td>
                {metrics.map((m) => (
                  <td key={m.label}>{m.format(m.value(point))}</td>
                ))}
              </tr>
            ))}
          </Table>
        </details>
      )}
    </Card>
  );
}
