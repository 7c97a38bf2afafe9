"use client";
// The API's name and description, edited in place and checked with the PATCH route's schema
// first; the backends have their own panel (BackendsPanel) with weights and health checks.
import { useState } from "react";
import type { Api } from "@/lib/client/api-types";
import { Card } from "@/components/ui/card";
import { Input, Textarea } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { updateApiInputSchema } from "@/lib/apis/update-api-input";
import { useUpdateApi } from "@/lib/client/use-apis";
import { useCheckedSubmit } from "@/lib/client/use-request-check";

export function ApiIdentityForm({ api }: { api: Api }) {
  const [name, setName] = useState(api.name);
  const [description, setDescription] = useState(api.description);
  const submit = useCheckedSubmit(useUpdateApi(api.id), updateApiInputSchema, () => ({ name: name.trim(), description }));

  return (
    <Card title="Name and description">
      <form className="form" onSubmit={submit.onSubmit} aria-label="Name and description" noValidate>
        <Input label="Name" name="name" required value={name} onChange={(e) => setName(e.target.value)} />
        <Textarea label="Description" name="description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} hint="Shown in the developer portal." />
        <FormFooter
          submitLabel="Save"
          busy={submit.isPending}
          error={submit.error}
          errorTitle="Not saved"
          success={submit.isSuccess && "Saved."}
        />
      </form>
    </Card>
  );
}
