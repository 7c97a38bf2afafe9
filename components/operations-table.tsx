"use client";
// Operations of an API's current revision, shared by the console and the portal.
// Filtering is client-side: an API has at most a few hundred operations.
import { useMemo, useState, type ReactNode } from "react";
import type { Operation } from "@/lib/client/api-types";
import { Badge, MethodBadge } from "@/components/ui/badge";
import { Input } from "@/components/ui/field";
import { Table } from "@/components/ui/table";

const columns = ["Method", "Path", "Summary", "Tags"];

function matches(operation: Operation, needle: string): boolean {
  const haystack = [operation.method, operation.path, operation.summary, operation.operationId ?? "", ...operation.tags];
  return haystack.some((text) => text.toLowerCase().includes(needle));
}

/** `action` adds a last column (the console's "Rules" button); the portal passes none. */
export function OperationsTable({ operations, action }: { operations: Operation[]; action?: (operation: Operation) => ReactNode }) {
  const [search, setSearch] = useState("");
  const needle = search.trim().toLowerCase();
  const visible = useMemo(() => (needle ? operations.filter((op) => matches(op, needle)) : operations), [operations, needle]);

  return (
    <>
      <div className="toolbar">
        <Input
          label="Search operations"
          type="search"
          placeholder="Method, path, summary or tag"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <p className="muted toolbar-count" aria-live="polite">
          {visible.length} of {operations.length} operation(s)
        </p>
      </div>
      <Table
        caption="Operations"
        columns={action ? [...columns, ""] : columns}
        empty={visible.length === 0 && (operations.length === 0 ? "This API has no operations." : "No operation matches the search.")}
      >
        {visible.map((op) => (
          <tr key={op.id}>
            <td>
              <MethodBadge method={op.method} />
            </td>
            <td>
              <code>{op.path}</code>
            </td>
            <td>
              {op.summary || <span className="muted">—</span>}
              {op.operationId && <span className="operation-id">{op.operationId}</span>}
            </td>
            <td className="tags">
              {op.tags.map((tag) => (
                <Badge key={tag} tone="info">
                  {tag}
                </Badge>
              ))}
            </td>
            {action && <td>{action(op)}</td>}
          </tr>
        ))}
      </Table>
    </>
  );
}
