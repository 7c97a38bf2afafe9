"use client";
// What changes for clients if a revision replaces the current one: operations
// added, removed and changed (with the fields that differ).
import type { ReactNode } from "react";
import type { DiffOperation, OperationsDiff } from "@/lib/client/api-types";
import { MethodBadge } from "@/components/ui/badge";
import { ErrorBanner } from "@/components/ui/error-banner";
import { useRevisionDiff } from "@/lib/client/use-revisions";

function OperationLine({ op, note }: { op: DiffOperation; note?: string }) {
  return (
    <li>
      <MethodBadge method={op.method} /> <code>{op.path}</code>
      {op.summary && <span className="muted"> {op.summary}</span>}
      {note && <span className="muted"> ({note})</span>}
    </li>
  );
}

export function OperationsDiffView({ diff }: { diff: OperationsDiff }) {
  const empty = diff.added.length + diff.removed.length + diff.changed.length === 0;
  if (empty) return <p className="muted">No operation differs.</p>;
  const section = (title: string, count: number, children: ReactNode) =>
    count > 0 && (
      <section aria-label={title}>
        <h4>
          {title} ({count})
        </h4>
        <ul className="diff-list">{children}</ul>
      </section>
    );
  return (
    <div className="revision-diff">
      {section("Added", diff.added.length, diff.added.map((op) => <OperationLine key={`${op.method} ${op.path}`} op={op} />))}
      {section("Removed", diff.removed.length, diff.removed.map((op) => <OperationLine key={`${op.method} ${op.path}`} op={op} />))}
      {section(
        "Changed",
        diff.changed.length,
        diff.changed.map((c) => <OperationLine key={`${c.method} ${c.path}`} op={c.after} note={c.fields.join(", ")} />),
      )}
    </div>
  );
}

/** Loads the diff of revision `number` against the current revision. */
export function RevisionDiffLoader({ apiId, number }: { apiId: string; number: number }) {
  const diff = useRevisionDiff(apiId, number);
  if (diff.isPending) return <p className="muted">Comparing with the current revision…</p>;
  if (diff.isError) return <ErrorBanner error={diff.error} />;
  return (
    <>
      <p className="muted">
        Revision {diff.data.revision} compared with revision {diff.data.against} (current):
      </p>
      <OperationsDiffView diff={diff.data} />
    </>
  );
}
