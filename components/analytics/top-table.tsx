"use client";
// A top list (APIs, operations, subscriptions, developers, statuses, reasons, gateways) as a
// table, largest first, with a share bar. A row's name drills down: a filter for dimensions
// the charts can be narrowed by, or a link to the request log for the others.
import Link from "next/link";
import type { TopItem, TopList } from "@/lib/analytics/analytics-schemas";
import type { CsvColumn } from "@/lib/client/csv";
import { formatCount } from "@/components/format";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Table } from "@/components/ui/table";
import { DownloadCsvButton } from "./download-csv-button";
import { formatMs, formatRate, rate } from "./chart-format";

const csvColumns: CsvColumn<TopItem>[] = [
  { header: "key", value: (i) => i.key },
  { header: "label", value: (i) => i.label },
  { header: "count", value: (i) => i.count },
  { header: "errors", value: (i) => i.errors },
  { header: "errorRate", value: (i) => rate(i.errors, i.count) },
  { header: "p95", value: (i) => i.p95 },
];

/** How a row drills down: a filter (onSelect) or a page (href); `describe` names the action. */
export type TopDrill = { describe: (item: TopItem) => string; onSelect?: (item: TopItem) => void; href?: (item: TopItem) => string };

type Props = {
  title: string;
  /** The column naming the rows ("API", "Status", ...). */
  column: string;
  list: TopList | undefined;
  error?: unknown;
  drill?: TopDrill;
  /** The value the view is filtered by, marked as the current row. */
  current?: string;
};

function Name({ item, drill }: { item: TopItem; drill?: TopDrill }) {
  const label = item.label || item.key || "(none)";
  const sub = item.label && item.key && item.label !== item.key ? <span className="cell-sub mono">{item.key}</span> : null;
  if (drill?.href)
    return (
      <>
        <Link href={drill.href(item)} aria-label={drill.describe(item)}>
          {label}
        </Link>
        {sub}
      </>
    );
  if (drill?.onSelect)
    return (
      <>
        <button type="button" className="link-button" aria-label={drill.describe(item)} onClick={() => drill.onSelect?.(item)}>
          {label}
        </button>
        {sub}
      </>
    );
  return (
    <>
      <span className="strong">{label}</span>
      {sub}
    </>
  );
}

export function TopTable({ title, column, list, error, drill, current }: Props) {
  const items = list?.items ?? [];
  const largest = Math.max(1, ...items.map((i) => i.count));
  return (
    <Card
      title={title}
      headingLevel={3}
      className="analytics-top-card"
      actions={<DownloadCsvButton name={["analytics", "top", list?.dimension ?? column]} columns={csvColumns} rows={items} of={title} />}
    >
      <ErrorBanner error={error} />
      <Table
        caption={title}
        columns={[column, "Requests", "Errors", "Error rate", "p95"]}
        loading={!list && !error && "Loading…"}
        empty={list && items.length === 0 && "No requests in this range."}
      >
        {items.map((item) => (
          // An operation's text repeats across APIs ("GET /hello" in two of them): the API is part of its identity,
          // else React reuses a stale row when a filter leaves one of them.
          <tr key={`${item.apiId ?? ""} ${item.key}`} aria-current={current === item.key ? "true" : undefined}>
            <td>
              <Name item={item} drill={drill} />
              {current === item.key && <span className="cell-sub">(filtered by)</span>}
            </td>
            <td>
              <span className="analytics-share" aria-hidden="true" style={{ width: `${(item.count / largest) * 100}%` }} />
              {formatCount(item.count)}
            </td>
            <td>{formatCount(item.errors)}</td>
            <td>{formatRate(rate(item.errors, item.count))}</td>
            <td>{formatMs(item.p95)}</td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
