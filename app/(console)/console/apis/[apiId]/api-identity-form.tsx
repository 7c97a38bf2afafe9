"use client";
// The API's name and description, edited in place and checked with the PATCH route's schema
// first; the backends have their own panel (BackendsPanel) with weights and health checks.
import { useState, type FormEvent } from "react";
import type { Api } from "@/lib/client/api-types";
import { Card } from "@/components/ui/card";
import { Input, Textarea } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { updateApiInputSchema } from "@/lib/apis/update-api-input";
import { useUpdateApi } from "@/lib/client/use-apis";
import { useRequestCheck } from "@/lib/client/use-request-check";

export function ApiIdentityForm({ api }: { api: Api }) {
  const [name, setName] = useState(api.name);
  const [description, setDescription] = useState(api.description);
  const update = useUpdateApi(api.id);
  const request = useRequestCheck(updateApiInputSchema);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    update.reset();
    const body = { name: name.trim(), description };
    if (request.check(body)) update.mutate(body);
  }

  return (
    <Card title="Name and description">
      <form className="form" onSubmit={onSubmit} aria-label="Name and description" noValidate>
        <Input label="Name" name="name" required value={name} onChange={(e) => setName(e.target.value)} />
        <Textarea label="Description" name="description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} hint="Shown in the developer portal." />
        <FormFooter
          submitLabel="Save"
          busy={update.isPending}
          error={request.problem ?? update.error}
          errorTitle="Not saved"
          success={update.isSuccess && "Saved."}
        />
      </form>
    </Card>
  );
}
