"use client";
// A realm's groups: each grants its realm roles to every member (members are set on the user).
// Paged on the server by name and searched, as every list is.
import { useRef, useState, type FormEvent } from "react";
import type { CreateRealmGroupRequest } from "@/lib/client/api-types";
import { formText } from "@/components/form-data";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input } from "@/components/ui/field";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { LoadMore } from "@/components/ui/load-more";
import { SearchBox } from "@/components/ui/search-box";
import { Table } from "@/components/ui/table";
import { createGroupInputSchema } from "@/lib/iam/realms/realm-directory-schemas";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useCreateRealmGroup } from "@/lib/client/use-realm-admin";
import { useRealmGroupPage } from "@/lib/client/use-realm-directory";

const splitList = (text: string) => text.split(/[\s,]+/).filter(Boolean);

export function RealmGroupsCard({ name, canManage }: { name: string; canManage: boolean }) {
  const [search, setSearch] = useState<string | undefined>(undefined);
  const groups = useRealmGroupPage(name, search);
  const create = useCreateRealmGroup(name);
  const request = useRequestCheck(createGroupInputSchema);
  const formRef = useRef<HTMLFormElement>(null);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body: CreateRealmGroupRequest = { name: formText(e.currentTarget, "name"), roles: splitList(formText(e.currentTarget, "roles")) };
    if (request.check(body)) create.mutate(body, { onSuccess: () => formRef.current?.reset() });
  }
  const items = groups.items;
  return (
    <Card title="Groups">
      <ErrorBanner error={groups.error} />
      <SearchBox label="Search groups" placeholder="group name" onSearch={setSearch} />
      <Table caption="Realm groups" columns={["Name", "Roles"]} loading={groups.isPending && "Loading groups…"} empty={groups.isSuccess && items.length === 0 && (search ? "No group matches." : "No groups yet.")}>
        {items.map((group) => (
          <tr key={group.id}>
            <td className="strong">{group.name}</td>
            <td>{group.roles.join(", ")}</td>
          </tr>
        ))}
      </Table>
      <LoadMore list={groups} />
      {canManage && (
        <form className="form" onSubmit={onSubmit} ref={formRef} aria-label="Add group">
          <FieldErrorScope error={request.problem ?? create.error}>
            <div className="form-row">
              <Input label="Group name" name="name" required />
              <Input label="Roles" name="roles" hint="Comma-separated realm roles its members hold" />
            </div>
            <FormFooter submitLabel="Add group" variant="secondary" busy={create.isPending} error={request.problem ?? create.error} errorTitle="Could not add the group" />
          </FieldErrorScope>
        </form>
      )}
    </Card>
  );
}
