"use client";
// Register an app: name and description; the answer's secret is shown once by the page.
import { useRef, type FormEvent } from "react";
import { formText } from "@/components/form-data";
import { Card } from "@/components/ui/card";
import { Input, Textarea } from "@/components/ui/field";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useCreateMyApp } from "@/lib/client/use-my-apps";
import { createAppInputSchema, type CreateAppInput, type CreatedApp } from "@/lib/portal/apps/portal-app-schemas";

export function CreateAppForm({ onCreated }: { onCreated: (created: CreatedApp) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateMyApp();
  const request = useRequestCheck(createAppInputSchema);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const body: CreateAppInput = { name: formText(form, "name"), description: formText(form, "description") };
    if (!request.check(body)) return;
    create.mutate(body, {
      onSuccess: (created) => {
        formRef.current?.reset();
        onCreated(created);
      },
    });
  }

  return (
    <Card title="Register an app">
      <form className="form" onSubmit={onSubmit} ref={formRef}>
        <FieldErrorScope error={request.problem ?? create.error}>
          <Input label="Name" name="name" required maxLength={100} autoComplete="off" hint="For you and the admins, e.g. the service that calls the API." />
          <Textarea label="Description" name="description" maxLength={1000} rows={2} hint="Optional: what it does." />
          <FormFooter submitLabel="Register app" busy={create.isPending} error={request.problem ?? create.error} errorTitle="Could not register the app" />
        </FieldErrorScope>
      </form>
    </Card>
  );
}
