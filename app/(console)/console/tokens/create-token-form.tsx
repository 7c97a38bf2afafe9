"use client";
import { useRef, type FormEvent } from "react";
import type { CreateAdminApiTokenRequest, UserRole } from "@/lib/client/api-types";
import { formText } from "@/components/form-data";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Input, Select } from "@/components/ui/field";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { createAdminApiTokenInputSchema } from "@/lib/iam/tokens/token-schemas";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useCreateToken } from "@/lib/client/use-tokens";
import { roleOptions } from "../users/create-user-form";

export function CreateTokenForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const createToken = useCreateToken();
  const request = useRequestCheck(createAdminApiTokenInputSchema);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const expires = formText(form, "expiresAt");
    const body: CreateAdminApiTokenRequest = {
      name: formText(form, "name"),
      role: formText(form, "role") as UserRole,
      // <input type="date"> gives a local day; the token stays valid through the end of it.
      ...(expires ? { expiresAt: new Date(`${expires}T23:59:59`).toISOString() } : {}),
    };
    if (request.check(body)) createToken.mutate(body, { onSuccess: () => formRef.current?.reset() });
  }

  return (
    <Card title="Create token">
      <form className="form" onSubmit={onSubmit} ref={formRef}>
        <FieldErrorScope error={request.problem ?? createToken.error}>
          <div className="form-row">
            <Input label="Name" name="name" required hint="What it is for, e.g. CI deploy." />
            <Select label="Role" name="role" defaultValue="platform_admin">
              {roleOptions}
            </Select>
            <Input label="Expires" name="expiresAt" type="date" hint="Optional; empty never expires." />
          </div>
          {createToken.isSuccess && (
            <div className="keys-box" role="region" aria-label="New token">
              <p className="keys-box-title">Copy the token now: it will not be shown again.</p>
              <code data-testid="new-token">{createToken.data.token}</code>
              <CopyButton value={createToken.data.token} label="the token" />
              <p className="field-hint">
                Use it as <code>Authorization: Bearer &lt;token&gt;</code>.
              </p>
            </div>
          )}
          <FormFooter
            submitLabel="Create token"
            busy={createToken.isPending}
            error={request.problem ?? createToken.error}
            errorTitle="Could not create the token"
          />
        </FieldErrorScope>
      </form>
    </Card>
  );
}
