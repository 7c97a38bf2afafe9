"use client";
// Every revision of the API: which one the gateway serves, lint counts, a diff
// against the current one on demand, and the switch to make one current.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { apiFetch } from "@/components/api-client";
import type { ApiRevision, ListResponse } from "@/components/api-types";
import { formatDateTime } from "@/components/format";
import { queryKeys } from "@/components/query-keys";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Table, TableMessageRow } from "@/components/ui/table";
import { ImportRevisionForm } from "./import-revision-form";
import { RevisionDiffLoader } from "./revision-diff";

const columns = ["Revision", "Document", "Operations", "Lint", "Created", "Notes", "Actions"];

export function RevisionsPanel({ apiId, canEdit }: { apiId: string; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [openDiff, setOpenDiff] = useState<number | null>(null);
  const revisions = useQuery({
    queryKey: queryKeys.revisions(apiId),
    queryFn: () => apiFetch<ListResponse<ApiRevision>>(`/api/v1/apis/${encodeURIComponent(apiId)}/revisions`),
  });
  const makeCurrent = useMutation({
    mutationFn: (number: number) =>
      apiFetch<ApiRevision>(`/api/v1/apis/${encodeURIComponent(apiId)}/revisions/${number}/make-current`, { method: "POST" }),
    onSuccess: () => {
      setOpenDiff(null);
      // The API (current revision, operations), its revisions and their diffs all changed.
      void queryClient.invalidateQueries({ queryKey: queryKeys.api(apiId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.apis, exact: true });
    },
  });
  const items = revisions.data?.items ?? [];

  return (
    <Card title="Revisions">
      <ErrorBanner error={revisions.error} />
      <Table caption="Revisions" columns={columns}>
        {revisions.isPending && <TableMessageRow colSpan={columns.length}>Loading revisions…</TableMessageRow>}
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
                  <Button size="sm" busy={makeCurrent.isPending && makeCurrent.variables === r.number} onClick={() => makeCurrent.mutate(r.number)}>
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
      <ErrorBanner error={makeCurrent.error} title="Could not make the revision current" />
      {canEdit && <ImportRevisionForm apiId={apiId} />}
    </Card>
  );
}
