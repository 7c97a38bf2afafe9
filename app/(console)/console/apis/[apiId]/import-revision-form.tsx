"use client";
// Re-import: the uploaded document becomes a new revision that is NOT current;
// its diff against the current revision is shown right away for review.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { apiFetch, jsonBody } from "@/components/api-client";
import type { CreatedRevision } from "@/components/api-types";
import { formText } from "@/components/form-data";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input } from "@/components/ui/field";
import { OperationsDiffView } from "./revision-diff";

export function ImportRevisionForm({ apiId }: { apiId: string }) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: { spec: string; notes?: string }) =>
      apiFetch<CreatedRevision>(`/api/v1/apis/${encodeURIComponent(apiId)}/revisions`, jsonBody("POST", body)),
    onSuccess: () => {
      formRef.current?.reset();
      void queryClient.invalidateQueries({ queryKey: queryKeys.revisions(apiId) });
    },
  });

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const file = (form.elements.namedItem("revisionFile") as HTMLInputElement | null)?.files?.[0];
    setFileError(null);
    if (!file) return setFileError("Choose an OpenAPI document (.json or .yaml)");
    let spec: string;
    try {
      spec = await file.text();
    } catch {
      return setFileError(`Could not read ${file.name}`);
    }
    const notes = formText(form, "notes");
    create.mutate({ spec, ...(notes ? { notes } : {}) });
  }

  return (
    <form className="form" onSubmit={onSubmit} ref={formRef} aria-label="Import new revision">
      <h3>Import new revision</h3>
      <div className="form-row">
        <Input label="Revision file" name="revisionFile" type="file" accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml" required />
        <Input label="Notes" name="notes" placeholder="What changed" />
      </div>
      {fileError && <p className="field-error">{fileError}</p>}
      <ErrorBanner error={create.error} title="Import failed" />
      {create.isSuccess && (
        <div className="success-banner" role="status">
          <p>
            Imported revision {create.data.number} ({create.data.operationCount} operations
            {create.data.lint && `, ${create.data.lint.errors} lint errors, ${create.data.lint.warnings} warnings`}). It is not current yet.
          </p>
          {create.data.diff.against !== null && <OperationsDiffView diff={create.data.diff} />}
        </div>
      )}
      <div className="form-actions">
        <Button type="submit" busy={create.isPending}>
          Import revision
        </Button>
      </div>
    </form>
  );
}
