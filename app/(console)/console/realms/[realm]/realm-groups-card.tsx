"use client";
// A realm's groups: each grants its realm roles to every member (members are set on the user).
import { useRef, type FormEvent } from "react";
import type { CreateRealmGroupRequest } from "@/lib/client/api-types";
import { formText } from "@/components/form-data";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { Table } from "@/components/ui/table";
import { createGroupInputSchema } from "@/lib/iam/realms/realm-directory-schemas";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useCreateRealmGroup, useRealmGroups } from "@/lib/client/use-realm-admin";

const splitList = (text: string) => text.split(/[\s,]+/).filter(Boolean);

export function RealmGroupsCard({ name, canManage }: { name: string; canManage: boolean }) {
  const groups = useRealmGroups(name);
  const create = useCreateRealmGroup(name);
  const request = useRequestCheck(createGroupInputSchema);
  const formRef = useRef<HTMLFormElement>(null);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body: CreateRealmGroupRequest = { name: formText(e.currentTarget, "name"), roles: splitList(formText(e.currentTarget, "roles")) };
    if (request.check(body)) create.mutate(body, { onSuccess: () => formRef.current?.reset() });
  }
  const items = groups.data?.items ?? [];
  return (
    <Card title="Groups">
      <ErrorBanner error={groups.error} />
      <Table caption="Realm groups" columns={["Name", "Roles"]} loading={groups.isPending && "Loading groups…"} empty={groups.isSuccess && items.length === 0 && "No groups yet."}>
        {items.map((group) => (
          <tr key={group.id}>
            <td className="strong">{group.name}</td>
            <td>{group.roles.join(", ")}</td>
          </tr>
        ))}
      </Table>
      {canManage && (
        <form className="form" onSubmit={onSubmit} ref={formRef} aria-label="Add group">
          <div className="form-row">
            <Input label="Group name" name="name" required />
            <Input label="Roles" name="roles" hint="Comma-separated realm roles its members hold" />
          </div>
          <FormFooter submitLabel="Add group" variant="secondary" busy={create.isPending} error={request.problem ?? create.error} errorTitle="Could not add the group" />
        </form>
      )}
    </Card>
  );
}
