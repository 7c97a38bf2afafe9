"use client";
// Every revision of the API: which one the gateway serves, lint counts, a diff
// against the current one on demand, and the switch to make one current.
import { Fragment, useState } from "react";
import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { LoadMore } from "@/components/ui/load-more";
import { Table } from "@/components/ui/table";
import { useMakeRevisionCurrent, useRevisions } from "@/lib/client/use-revisions";
import { ImportRevisionForm } from "./import-revision-form";
import { RevisionDiffLoader } from "./revision-diff";

const columns = ["Revision", "Document", "Operations", "Lint", "Created", "Notes", "Actions"];

export function RevisionsPanel({ apiId, canEdit }: { apiId: string; canEdit: boolean }) {
  const [openDiff, setOpenDiff] = useState<number | null>(null);
  const revisions = useRevisions(apiId);
  const makeCurrent = useMakeRevisionCurrent(apiId);
  const items = revisions.items;

  return (
    <Card title="Revisions">
      <ErrorBanner error={revisions.error} />
      <Table caption="Revisions" columns={columns} loading={revisions.isPending && "Loading revisions…"}>
        {items.map((r) => (
          <Fragment key={r.id}>
            <tr>
              <td>
                #{r.number} {r.isCurrent && <Badge tone="success">current</Badge>}
              </td>
              <td>
                {r.title} {r.version}
                <span className="cell-sub">OpenAPI {r.specVersion}</span>
              </td>
              <td>{r.operationCount}</td>
              <td>{r.lint ? `${r.lint.errors} errors, ${r.lint.warnings} warnings` : "—"}</td>
              <td>{formatDateTime(r.createdAt)}</td>
              <td>{r.notes || <span className="muted">—</span>}</td>
              <td className="row-actions">
                {!r.isCurrent && (
                  <Button size="sm" variant="secondary" onClick={() => setOpenDiff(openDiff === r.number ? null : r.number)} aria-expanded={openDiff === r.number}>
                    {openDiff === r.number ? "Hide diff" : "Show diff"}
                  </Button>
                )}
                {canEdit && !r.isCurrent && (
                  <Button size="sm" busy={makeCurrent.isPending && makeCurrent.variables === r.number} onClick={() => makeCurrent.mutate(r.number, { onSuccess: () => setOpenDiff(null) })}>
                    Make current
                  </Button>
                )}
              </td>
            </tr>
            {openDiff === r.number && (
              <tr>
                <td colSpan={columns.length}>
                  <RevisionDiffLoader apiId={apiId} number={r.number} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </Table>
      <LoadMore list={revisions} />
      <ErrorBanner error={makeCurrent.error} title="Could not make the revision current" />
      {canEdit && <ImportRevisionForm apiId={apiId} />}
    </Card>
  );
}
