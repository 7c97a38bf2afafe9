"use client";
import { useRef, type FormEvent } from "react";
import type { CreateUserRequest, UserRole } from "@/lib/client/api-types";
import { formText } from "@/components/form-data";
import { roleLabel } from "@/components/role-label";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useCreateUser } from "@/lib/client/use-users";
import { userRoles } from "@/lib/iam/roles";
import { createUserInputSchema } from "@/lib/iam/users/user-schemas";

export const roleOptions = userRoles.map((role) => (
  <option key={role} value={role}>
    {roleLabel(role)}
  </option>
));

export function CreateUserForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const createUser = useCreateUser();
  const request = useRequestCheck(createUserInputSchema);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const body: CreateUserRequest = {
      email: formText(form, "email"),
      name: formText(form, "name"),
      role: formText(form, "role") as UserRole,
      password: formText(form, "password", { trim: false }),
    };
    if (request.check(body)) createUser.mutate(body, { onSuccess: () => formRef.current?.reset() });
  }

  return (
    <Card title="Create user">
      <form className="form" onSubmit={onSubmit} ref={formRef}>
        <FieldErrorScope error={request.problem ?? createUser.error}>
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
          <FormFooter
            submitLabel="Create user"
            busy={createUser.isPending}
            error={request.problem ?? createUser.error}
            errorTitle="Could not create the user"
            success={createUser.isSuccess && <>Created user {createUser.data.email}.</>}
          />
        </FieldErrorScope>
      </form>
    </Card>
  );
}
