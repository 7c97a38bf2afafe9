"use client";
// Import = create an API from an OpenAPI 3.x or Swagger 2.0 document: pasted, uploaded (kept in
// memory, never put in the textarea) or fetched by the server from a URL. "Check" is a dry run
// that shows the lint report; "Import" works even with lint errors: lint never blocks.
import Link from "next/link";
import { useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { formText } from "@/components/form-data";
import { formatBytes } from "@/components/format";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { createApiInputSchema } from "@/lib/apis/api-schemas";
import type { ImportApiRequest } from "@/lib/client/api-types";
import type { ImportProgress } from "@/lib/client/post-with-progress";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useImportApi, useValidateApi, type SpecFields } from "@/lib/client/use-apis";
import { ImportProgressView } from "./import-progress";
import { LintCountBadges, LintReportView } from "./lint-report-view";

type LoadedFile = { name: string; size: number; text: string };

export function ImportApiForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  /** The file wins over the URL, the URL over pasted text; exactly one is sent. */
  function specFields(form: HTMLFormElement): SpecFields {
    if (file) return { spec: file.text };
    const specUrl = formText(form, "specUrl");
    return specUrl ? { specUrl } : { spec: formText(form, "spec", { trim: false }) };
  }

  const check = useValidateApi(setProgress);
  const importApi = useImportApi(setProgress);
  const request = useRequestCheck(createApiInputSchema);
  const busy = check.isPending || importApi.isPending;

  async function loadFile(e: ChangeEvent<HTMLInputElement>) {
    const chosen = e.target.files?.[0];
    setFileError(null);
    setFile(null);
    check.reset();
    if (!chosen) return;
    try {
      setFile({ name: chosen.name, size: chosen.size, text: await chosen.text() });
    } catch {
      setFileError(`Could not read ${chosen.name}`);
    }
  }

  function clearFile() {
    setFile(null);
    const input = formRef.current?.elements.namedItem("specFile") as HTMLInputElement | null;
    if (input) input.value = "";
  }

  function onCheck() {
    if (!formRef.current) return;
    check.mutate(specFields(formRef.current), {
      onSuccess: (result) => {
        // The document's title is a good default name; a name already typed is kept.
        const name = formRef.current?.elements.namedItem("name") as HTMLInputElement | null;
        if (name && !name.value && result.title) name.value = result.title;
      },
    });
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const body: ImportApiRequest = {
      name: formText(form, "name"),
      // People paste "/petstore/" as often as "petstore"; the API wants the bare segment.
      path: formText(form, "path").replace(/^\/+|\/+$/g, ""),
      backendUrl: formText(form, "backendUrl"),
      lifecycle: formText(form, "lifecycle") === "published" ? "published" : "draft",
      ...specFields(form),
    };
    if (!request.check(body)) return;
    importApi.mutate(
      body,
      {
        onSuccess: () => {
          formRef.current?.reset();
          setFile(null);
          check.reset();
        },
      },
    );
  }

  return (
    <Card title="Import API">
      <form className="form" onSubmit={onSubmit} ref={formRef}>
        <Input
          label="Upload file"
          name="specFile"
          type="file"
          accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
          onChange={loadFile}
          hint="OpenAPI 3.0, 3.1 or Swagger 2.0, JSON or YAML. Takes precedence over the URL and the pasted document."
        />
        {file && (
          <p className="muted" aria-live="polite">
            Selected <strong>{file.name}</strong> ({formatBytes(file.size)}){" "}
            <Button variant="ghost" size="sm" onClick={clearFile}>
              Remove
            </Button>
          </p>
        )}
        {fileError && <p className="field-error">{fileError}</p>}
        <Input label="Spec URL" name="specUrl" type="url" placeholder="https://example.com/openapi.yaml" disabled={!!file} hint="Fetched by the server." />
        <Textarea label="OpenAPI document" name="spec" rows={10} spellCheck={false} className="mono" disabled={!!file} hint="Or paste the document here." />
        <div className="form-actions">
          <Button variant="secondary" onClick={onCheck} busy={check.isPending} disabled={busy}>
            Check
          </Button>
        </div>
        <ErrorBanner error={check.error} title="The document cannot be imported" />
        {check.isSuccess && (
          <section aria-label="Check result">
            <p>
              {check.data.title || "Untitled"} {check.data.version} · {check.data.sourceFormat} · {check.data.operationCount} operation(s){" "}
              <LintCountBadges errors={check.data.lint.errors} warnings={check.data.lint.warnings} />
            </p>
            <LintReportView report={check.data.lint} />
          </section>
        )}
        <div className="form-row">
          <Input label="Name" name="name" required />
          <Input label="Path" name="path" required hint="Gateway base path, e.g. petstore" />
        </div>
        <Input label="Backend URL" name="backendUrl" type="url" required placeholder="https://backend.example.com" />
        <Select label="Initial state" name="lifecycle" defaultValue="draft">
          <option value="draft">draft</option>
          <option value="published">published</option>
        </Select>
        <ImportProgressView progress={progress} />
        <FormFooter
          submitLabel="Import"
          busy={importApi.isPending}
          disabled={busy}
          error={request.problem ?? importApi.error}
          errorTitle="Import failed"
          success={
            importApi.isSuccess && (
              <>
                Imported <Link href={`/console/apis/${importApi.data.id}`}>{importApi.data.name}</Link> with{" "}
                {importApi.data.operations?.length ?? importApi.data.operationCount} operation(s)
                {importApi.data.lint && (
                  <>
                    {" "}and {importApi.data.lint.errors} lint error(s), {importApi.data.lint.warnings} warning(s)
                  </>
                )}
                .
              </>
            )
          }
        />
      </form>
    </Card>
  );
}
