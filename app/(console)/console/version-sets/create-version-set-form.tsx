"use client";
// Creates an empty version set; APIs join it from their own page (or on import).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { apiFetch, jsonBody } from "@/components/api-client";
import type { CreateVersionSetRequest, VersionSet, VersioningScheme } from "@/components/api-types";
import { formText } from "@/components/form-data";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input, Select } from "@/components/ui/field";

/** What the server uses when the field is left empty (as in Azure API Management). */
const defaultParameter: Record<VersioningScheme, string> = { path: "", header: "Api-Version", query: "api-version" };

export function CreateVersionSetForm() {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [scheme, setScheme] = useState<VersioningScheme>("path");
  const create = useMutation({
    mutationFn: (body: CreateVersionSetRequest) => apiFetch<VersionSet>("/api/v1/version-sets", jsonBody("POST", body)),
    onSuccess: () => {
      formRef.current?.reset();
      setScheme("path");
      void queryClient.invalidateQueries({ queryKey: queryKeys.versionSets });
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const chosen = formText(form, "scheme") as VersioningScheme;
    const parameterName = formText(form, "parameterName");
    create.mutate({ name: formText(form, "name"), scheme: chosen, ...(parameterName && chosen !== "path" ? { parameterName } : {}) });
  }

  return (
    <Card title="Create version set">
      <form className="form" onSubmit={onSubmit} ref={formRef}>
        <div className="form-row">
          <Input label="Name" name="name" required />
          <Select label="Scheme" name="scheme" defaultValue="path" onChange={(e) => setScheme(e.target.value as VersioningScheme)}>
            <option value="path">Path segment (/orders/v2/...)</option>
            <option value="header">Header</option>
            <option value="query">Query parameter</option>
          </Select>
          <Input
            label="Parameter name"
            name="parameterName"
            disabled={scheme === "path"}
            placeholder={defaultParameter[scheme] || "not used by the path scheme"}
            hint="Header or query parameter carrying the version; empty for the default."
          />
        </div>
        <ErrorBanner error={create.error} title="Could not create the version set" />
        {create.isSuccess && (
          <p className="success-banner" role="status">
            Created {create.data.name}.
          </p>
        )}
        <div className="form-actions">
          <Button type="submit" busy={create.isPending}>
            Create version set
          </Button>
        </div>
      </form>
    </Card>
  );
}
