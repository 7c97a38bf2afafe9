"use client";
// Creates an empty version set; APIs join it from their own page (or on import).
import { useRef, useState, type FormEvent } from "react";
import type { CreateVersionSetRequest, VersioningScheme } from "@/lib/client/api-types";
import { formText } from "@/components/form-data";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { defaultParameterName, createVersionSetInputSchema } from "@/lib/apis/version-sets/version-set-schemas";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useCreateVersionSet } from "@/lib/client/use-version-sets";

export function CreateVersionSetForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [scheme, setScheme] = useState<VersioningScheme>("path");
  const create = useCreateVersionSet();
  const request = useRequestCheck(createVersionSetInputSchema);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const chosen = formText(form, "scheme") as VersioningScheme;
    const parameterName = formText(form, "parameterName");
    const body: CreateVersionSetRequest = { name: formText(form, "name"), scheme: chosen, ...(parameterName && chosen !== "path" ? { parameterName } : {}) };
    if (!request.check(body)) return;
    create.mutate(body, {
      onSuccess: () => {
        formRef.current?.reset();
        setScheme("path");
      },
    });
  }

  return (
    <Card title="Create version set">
      <form className="form" onSubmit={onSubmit} ref={formRef}>
        <FieldErrorScope error={request.problem ?? create.error}>
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
              placeholder={defaultParameterName[scheme] || "not used by the path scheme"}
              hint="Header or query parameter carrying the version; empty for the default."
            />
          </div>
          <FormFooter
            submitLabel="Create version set"
            busy={create.isPending}
            error={request.problem ?? create.error}
            errorTitle="Could not create the version set"
            success={create.isSuccess && <>Created {create.data.name}.</>}
          />
        </FieldErrorScope>
      </form>
    </Card>
  );
}
