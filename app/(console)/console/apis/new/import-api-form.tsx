"use client";
// Import = create an API from an OpenAPI 3.x or Swagger 2.0 document: pasted, uploaded (kept in
// memory, never put in the textarea) or fetched by the server from a URL. Name, path and backend
// are proposed from the document as soon as it is read (here for a file or pasted text, by the
// server's check for a URL) and stay editable; a field the user typed in is never overwritten.
// "Check" is a dry run that shows the lint report; "Import" works even with lint errors.
import { useRouter } from "next/navigation";
import { useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { parse as parseYaml } from "yaml";
import { formText } from "@/components/form-data";
import { formatBytes } from "@/components/format";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { createApiInputSchema } from "@/lib/apis/api-schemas";
import { proposeApiFields, proposeFromDocument, type ProposedApiFields } from "@/lib/apis/specs/propose-api-fields";
import type { ImportApiRequest } from "@/lib/client/api-types";
import type { ImportProgress } from "@/lib/client/post-with-progress";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useImportApi, useValidateApi, type SpecFields } from "@/lib/client/use-apis";
import { ImportProgressView } from "../import-progress";
import { LintCountBadges, LintReportView } from "../lint-report-view";

type LoadedFile = { name: string; size: number; text: string };
type Proposable = keyof ProposedApiFields;

/** Parsing YAML this big in the browser would freeze the page: the server's check proposes instead. */
const BROWSER_PARSE_LIMIT = 2 * 1024 * 1024;

function readDocument(text: string): unknown {
  if (text.length > BROWSER_PARSE_LIMIT && !text.trimStart().startsWith("{")) return null;
  try {
    return text.trimStart().startsWith("{") ? JSON.parse(text) : parseYaml(text);
  } catch {
    return null; // the server's check words what is wrong with it
  }
}

export function ImportApiForm() {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [fields, setFields] = useState<ProposedApiFields>({ name: "", path: "", backendUrl: "" });
  const [typed, setTyped] = useState<Set<Proposable>>(new Set());

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

  function propose(proposed: ProposedApiFields | null) {
    if (!proposed) return;
    setFields((current) => {
      const next = { ...current };
      for (const key of Object.keys(proposed) as Proposable[]) if (!typed.has(key) && proposed[key]) next[key] = proposed[key];
      return next;
    });
  }

  function proposeFromText(text: string) {
    const document = readDocument(text);
    if (document) propose(proposeFromDocument(document));
  }

  function edit(key: Proposable) {
    return (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.target.value;
      setFields((current) => ({ ...current, [key]: value }));
      setTyped((current) => new Set(current).add(key));
    };
  }

  async function loadFile(e: ChangeEvent<HTMLInputElement>) {
    const chosen = e.target.files?.[0];
    setFileError(null);
    setFile(null);
    check.reset();
    if (!chosen) return;
    try {
      const text = await chosen.text();
      setFile({ name: chosen.name, size: chosen.size, text });
      proposeFromText(text);
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
    check.mutate(specFields(formRef.current), { onSuccess: (result) => propose(proposeApiFields(result.title, result.serverUrl)) });
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const body: ImportApiRequest = {
      name: fields.name.trim(),
      // People paste "/petstore/" as often as "petstore"; the API wants the bare segment.
      path: fields.path.trim().replace(/^\/+|\/+$/g, ""),
      backendUrl: fields.backendUrl.trim(),
      lifecycle: formText(form, "lifecycle") === "published" ? "published" : "draft",
      ...specFields(form),
    };
    if (!request.check(body)) return;
    importApi.mutate(body, { onSuccess: (created) => router.push(`/console/apis/${encodeURIComponent(created.id)}`) });
  }

  return (
    <Card title="Import an OpenAPI document">
      <form className="form" onSubmit={onSubmit} ref={formRef}>
        {/* The import's refusals (a path already taken, a bad URL) are shown under their field. */}
        <FieldErrorScope error={request.problem ?? importApi.error}>
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
        <Input label="Spec URL" name="specUrl" type="url" placeholder="https://example.com/openapi.yaml" disabled={!!file} hint="Fetched by the server; Check proposes the fields below." />
        <Textarea
          label="OpenAPI document"
          name="spec"
          rows={10}
          spellCheck={false}
          className="mono"
          disabled={!!file}
          hint="Or paste the document here."
          onBlur={(e) => proposeFromText(e.target.value)}
        />
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
          <Input label="Name" name="name" required value={fields.name} onChange={edit("name")} hint="Proposed from info.title" />
          <Input label="Path" name="path" required value={fields.path} onChange={edit("path")} hint="Gateway base path, e.g. petstore" />
        </div>
        <Input
          label="Backend URL"
          name="backendUrl"
          type="url"
          required
          placeholder="https://backend.example.com"
          value={fields.backendUrl}
          onChange={edit("backendUrl")}
          hint="Proposed from servers[0]"
        />
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
          success={importApi.isSuccess && <>Imported {importApi.data.name}; opening it…</>}
        />
        </FieldErrorScope>
      </form>
    </Card>
  );
}
