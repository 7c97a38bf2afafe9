"use client";
// Import = create an API from an OpenAPI 3.x document (JSON or YAML). The server
// validates and lints the document; its structured problems are shown as-is.
import Link from "next/link";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { apiFetch, jsonBody } from "@/components/api-client";
import type { Api, ImportApiRequest } from "@/components/api-types";
import { formText } from "@/components/form-data";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input, Textarea } from "@/components/ui/field";
import { queryKeys } from "@/components/query-keys";

export function ImportApiForm() {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const specRef = useRef<HTMLTextAreaElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const importApi = useMutation({
    mutationFn: (body: ImportApiRequest) => apiFetch<Api>("/api/v1/apis", jsonBody("POST", body)),
    onSuccess: () => {
      formRef.current?.reset();
      void queryClient.invalidateQueries({ queryKey: queryKeys.apis });
    },
  });

  async function loadFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setFileError(null);
    if (!file || !specRef.current) return;
    try {
      specRef.current.value = await file.text();
    } catch {
      setFileError(`Could not read ${file.name}`);
    }
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    importApi.mutate({
      name: formText(form, "name"),
      // People paste "/petstore/" as often as "petstore"; the API wants the bare segment.
      path: formText(form, "path").replace(/^\/+|\/+$/g, ""),
      backendUrl: formText(form, "backendUrl"),
      spec: formText(form, "spec", { trim: false }),
    });
  }

  return (
    <Card title="Import API">
      <form className="form" onSubmit={onSubmit} ref={formRef}>
        <div className="form-row">
          <Input label="Name" name="name" required />
          <Input label="Path" name="path" required hint="Gateway base path, e.g. petstore" />
        </div>
        <Input label="Backend URL" name="backendUrl" type="url" required placeholder="https://backend.example.com" />
        <Input
          label="Upload file"
          name="specFile"
          type="file"
          accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
          onChange={loadFile}
          hint="Loads a .json or .yaml file into the document below."
        />
        {fileError && <p className="field-error">{fileError}</p>}
        <Textarea label="OpenAPI document" name="spec" required rows={12} spellCheck={false} className="mono" ref={specRef} />
        <ErrorBanner error={importApi.error} title="Import failed" />
        {importApi.isSuccess && (
          <p className="success-banner" role="status">
            Imported <Link href={`/console/apis/${importApi.data.id}`}>{importApi.data.name}</Link> with{" "}
            {importApi.data.operations?.length ?? importApi.data.operationCount} operation(s).
          </p>
        )}
        <div className="form-actions">
          <Button type="submit" busy={importApi.isPending}>
            Import
          </Button>
        </div>
      </form>
    </Card>
  );
}
