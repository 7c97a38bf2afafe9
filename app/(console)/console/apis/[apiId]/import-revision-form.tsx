"use client";
// Re-import: the uploaded document becomes a new revision that is NOT current;
// its diff against the current revision is shown right away for review.
import { useRef, useState, type FormEvent } from "react";
import { formText } from "@/components/form-data";
import { FormFooter } from "@/components/ui/form-footer";
import { Input } from "@/components/ui/field";
import { useCreateRevision } from "@/lib/client/use-revisions";
import { OperationsDiffView } from "./revision-diff";

export function ImportRevisionForm({ apiId }: { apiId: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const create = useCreateRevision(apiId);

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
    create.mutate({ spec, ...(notes ? { notes } : {}) }, { onSuccess: () => formRef.current?.reset() });
  }

  const created = create.isSuccess ? create.data : undefined;
  return (
    <form className="form" onSubmit={onSubmit} ref={formRef} aria-label="Import new revision">
      <h3>Import new revision</h3>
      <div className="form-row">
        <Input label="Revision file" name="revisionFile" type="file" accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml" required />
        <Input label="Notes" name="notes" placeholder="What changed" />
      </div>
      {fileError && <p className="field-error">{fileError}</p>}
      <FormFooter
        submitLabel="Import revision"
        busy={create.isPending}
        error={create.error}
        errorTitle="Import failed"
        success={
          created && (
            <>
              <p>
                Imported revision {created.number} ({created.operationCount} operations
                {created.lint && `, ${created.lint.errors} lint errors, ${created.lint.warnings} warnings`}). It is not current yet.
              </p>
              {created.diff.against !== null && <OperationsDiffView diff={created.diff} />}
            </>
          )
        }
      />
    </form>
  );
}
