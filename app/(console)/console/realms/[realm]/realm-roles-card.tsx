"use client";
// A realm's roles: paged on the server by name and searched, as every list is; add one.
import { useRef, useState, type FormEvent } from "react";
import { formText } from "@/components/form-data";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input } from "@/components/ui/field";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { LoadMore } from "@/components/ui/load-more";
import { SearchBox } from "@/components/ui/search-box";
import { Table } from "@/components/ui/table";
import { createRoleInputSchema } from "@/lib/iam/realms/realm-directory-schemas";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useRealmRolePage } from "@/lib/client/use-realm-directory";
import { useCreateRealmRole } from "@/lib/client/use-realms";

export function RealmRolesCard({ name, canManage }: { name: string; canManage: boolean }) {
  const [search, setSearch] = useState<string | undefined>(undefined);
  const roles = useRealmRolePage(name, search);
  const create = useCreateRealmRole(name);
  const request = useRequestCheck(createRoleInputSchema);
  const formRef = useRef<HTMLFormElement>(null);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = { name: formText(e.currentTarget, "name"), description: formText(e.currentTarget, "description") };
    if (request.check(body)) create.mutate(body, { onSuccess: () => formRef.current?.reset() });
  }
  const items = roles.items;
  return (
    <Card title="Roles">
      <ErrorBanner error={roles.error} />
      <SearchBox label="Search roles" placeholder="role name" onSearch={setSearch} />
      <Table caption="Realm roles" columns={["Name", "Description"]} loading={roles.isPending && "Loading roles…"} empty={roles.isSuccess && items.length === 0 && (search ? "No role matches." : "No roles yet.")}>
        {items.map((role) => (
          <tr key={role.id}>
            <td className="strong">{role.name}</td>
            <td>{role.description}</td>
          </tr>
        ))}
      </Table>
      <LoadMore list={roles} />
      {canManage && (
        <form className="form" onSubmit={onSubmit} ref={formRef} aria-label="Add role">
          <FieldErrorScope error={request.problem ?? create.error}>
            <div className="form-row">
              <Input label="Role name" name="name" required />
              <Input label="Description" name="description" />
            </div>
            <FormFooter submitLabel="Add role" variant="secondary" busy={create.isPending} error={request.problem ?? create.error} errorTitle="Could not add the role" />
          </FieldErrorScope>
        </form>
      )}
    </Card>
  );
}
