"use client";
import { useState } from "react";
import type { AuditEvent } from "@/lib/client/api-types";
import { formatDateTime } from "@/components/format";
import { LoadMore } from "@/components/ui/load-more";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import type { AuditFilters } from "@/lib/client/query-keys";
import { useAuditEvents } from "@/lib/client/use-audit-events";
import { AuditFiltersForm } from "./audit-filters-form";

const columns = ["When", "Who", "Action", "Entity", "Change"];

/** Long JSON wraps inside the table cell instead of widening the table. */
const wrapped = { whiteSpace: "pre-wrap", wordBreak: "break-word" } as const;

function ChangeDetails({ event }: { event: AuditEvent }) {
  return (
    <details>
      <summary>Before / after</summary>
      <div className="form-row">
        <div>
          <p className="field-label">Before</p>
          <pre className="mono" style={wrapped}>{event.before === null ? "—" : JSON.stringify(event.before, null, 2)}</pre>
        </div>
        <div>
          <p className="field-label">After</p>
          <pre className="mono" style={wrapped}>{event.after === null ? "—" : JSON.stringify(event.after, null, 2)}</pre>
        </div>
      </div>
    </details>
  );
}

export function AuditClient() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const events = useAuditEvents(filters);
  const items = events.items;

  return (
    <>
      <PageHeader title="Audit log" description="Every change: who made it, when, and the entity before and after." />
      <Card title="Filters">
        <AuditFiltersForm onApply={setFilters} />
      </Card>
      <ErrorBanner error={events.error} />
      <Card title="Events">
        <Table caption="Audit events" columns={columns} loading={events.isPending && "Loading events…"} empty={events.isSuccess && items.length === 0 && "No events match."}>
          {items.map((event) => (
            <tr key={event.id}>
              <td>{formatDateTime(event.at)}</td>
              <td>
                <span className="strong">{event.actor.label}</span>
                <span className="cell-sub mono">{event.actor.id}</span>
              </td>
              <td>
                <code>{event.action}</code>
              </td>
              <td>
                {event.entityType}
                {event.entityId && <span className="cell-sub mono">{event.entityId}</span>}
              </td>
              <td>
                <ChangeDetails event={event} />
              </td>
            </tr>
          ))}
        </Table>
        <LoadMore list={events} />
      </Card>
    </>
  );
}
