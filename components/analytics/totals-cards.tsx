// The figures of the whole range (the series' `totals`): percentiles merged on the server.
import type { RequestFigures } from "@/lib/analytics/analytics-schemas";
import { formatBytes, formatCount } from "@/components/format";
import { formatMs, formatRate, rate } from "./chart-format";

export function TotalsCards({ totals, label = "Totals for the range" }: { totals: RequestFigures | undefined; label?: string }) {
  const show = (text: (t: RequestFigures) => string) => (totals ? text(totals) : "…");
  const figures = [
    { name: "Requests", value: show((t) => formatCount(t.count)) },
    { name: "Errors", value: show((t) => formatCount(t.errors)) },
    { name: "Error rate", value: show((t) => formatRate(rate(t.errors, t.count))) },
    { name: "p50", value: show((t) => formatMs(t.p50)) },
    { name: "p95", value: show((t) => formatMs(t.p95)) },
    { name: "p99", value: show((t) => formatMs(t.p99)) },
    { name: "Bytes in", value: show((t) => formatBytes(t.bytesIn)) },
    { name: "Bytes out", value: show((t) => formatBytes(t.bytesOut)) },
  ];
  return (
    <dl className="stats analytics-totals" aria-label={label} aria-busy={!totals || undefined}>
      {figures.map((f) => (
        <div key={f.name} className="stat">
          <dt className="stat-label">{f.name}</dt>
          <dd className="stat-value">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
