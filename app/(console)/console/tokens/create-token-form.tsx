"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, type FormEvent } from "react";
import { apiFetch, jsonBody } from "@/components/api-client";
import type { CreateAdminApiTokenRequest, CreatedAdminApiToken, UserRole } from "@/components/api-types";
import { formText } from "@/components/form-data";
import { roleLabel } from "@/components/role-label";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input, Select } from "@/components/ui/field";
import { queryKeys } from "@/components/query-keys";

const roles: UserRole[] = ["platform_admin", "api_publisher", "viewer", "developer"];

export function CreateTokenForm() {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const createToken = useMutation({
    mutationFn: (body: CreateAdminApiTokenRequest) => apiFetch<CreatedAdminApiToken>("/api/v1/tokens", jsonBody("POST", body)),
    onSuccess: () => {
      formRef.current?.reset();
      void queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const expires = formText(form, "expiresAt");
    createToken.mutate({
      name: formText(form, "name"),
      role: formText(form, "role") as UserRole,
      // <input type="date"> gives a local day; the token stays valid through the end of it.
      ...(expires ? { expiresAt: new Date(`${expires}T23:59:59`).toISOString() } : {}),
    });
  }

  return (
    <Card title="Create token">
      <form className="form" onSubmit={onSubmit} ref={formRef}>
        <div className="form-row">
          <Input label="Name" name="name" required hint="What it is for, e.g. CI deploy." />
          <Select label="Role" name="role" defaultValue="platform_admin">
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabel(role)}
              </option>
            ))}
          </Select>
          <Input label="Expires" name="expiresAt" type="date" hint="Optional; empty never expires." />
        </div>
        <ErrorBanner error={createToken.error} title="Could not create the token" />
        {createToken.isSuccess && (
          <div className="keys-box" role="region" aria-label="New token">
            <p className="keys-box-title">Copy the token now: it will not be shown again.</p>
            <code data-testid="new-token">{createToken.data.token}</code>
            <p className="field-hint">
              Use it as <code>Authorization: Bearer &lt;token&gt;</code>.
            </p>
          </div>
        )}
        <div className="form-actions">
          <Button type="submit" busy={createToken.isPending}>
            Create token
          </Button>
        </div>
      </form>
    </Card>
  );
}
