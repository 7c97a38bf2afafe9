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
import { EntityLink, entityKindOf } from "@/components/console/entity-links";
import { AuditFiltersForm } from "./audit-filters-form";

/** A user who acted links to their page; a token or the system does not have one. */
function ActorName({ actor }: { actor: AuditEvent["actor"] }) {
  if (actor.type === "user" && actor.id) return <EntityLink kind="user" id={actor.id} className="strong">{actor.label}</EntityLink>;
  return <span className="strong">{actor.label}</span>;
}

/** The changed entity's id, a link where the console has a page for its type (a deleted one answers "not found"). */
function EntityId({ type, id }: { type: string; id: string }) {
  const kind = entityKindOf(type);
  return <span className="cell-sub mono">{kind ? <EntityLink kind={kind} id={id}>{id}</EntityLink> : id}</span>;
}

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
                <ActorName actor={event.actor} />
                <span className="cell-sub mono">{event.actor.id}</span>
              </td>
              <td>
                <code>{event.action}</code>
              </td>
              <td>
                {event.entityType}
                {event.entityId && <EntityId type={event.entityType} id={event.entityId} />}
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
