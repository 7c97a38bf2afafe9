"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, type FormEvent } from "react";
import { apiFetch, jsonBody } from "@/components/api-client";
import type { ConsoleUser, CreateUserRequest, UserRole } from "@/components/api-types";
import { formText } from "@/components/form-data";
import { roleLabel } from "@/components/role-label";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input, Select } from "@/components/ui/field";
import { queryKeys } from "@/components/query-keys";

const roles: UserRole[] = ["platform_admin", "api_publisher", "viewer", "developer"];

export const roleOptions = roles.map((role) => (
  <option key={role} value={role}>
    {roleLabel(role)}
  </option>
));

export function CreateUserForm() {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const createUser = useMutation({
    mutationFn: (body: CreateUserRequest) => apiFetch<ConsoleUser>("/api/v1/users", jsonBody("POST", body)),
    onSuccess: () => {
      formRef.current?.reset();
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    createUser.mutate({
      email: formText(form, "email"),
      name: formText(form, "name"),
      role: formText(form, "role") as UserRole,
      password: formText(form, "password", { trim: false }),
    });
  }

  return (
    <Card title="Create user">
      <form className="form" onSubmit={onSubmit} ref={formRef}>
        <div className="form-row">
          <Input label="Email" name="email" type="email" required autoComplete="off" />
          <Input label="Name" name="name" required />
        </div>
        <div className="form-row">
          <Select label="Role" name="role" defaultValue="developer" hint="Developers use the portal only; viewers read the console.">
            {roleOptions}
          </Select>
          <Input label="Password" name="password" type="password" required minLength={12} autoComplete="new-password" hint="At least 12 characters." />
        </div>
        <ErrorBanner error={createUser.error} title="Could not create the user" />
        {createUser.isSuccess && (
          <p className="success-banner" role="status">
            Created user {createUser.data.email}.
          </p>
        )}
        <div className="form-actions">
          <Button type="submit" busy={createUser.isPending}>
            Create user
          </Button>
        </div>
      </form>
    </Card>
  );
}
