"use client";
import type { UserRole } from "@/lib/client/api-types";
import { roleLabel } from "@/components/role-label";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { useUpdateUser, useUsers } from "@/lib/client/use-users";
import { CreateUserForm, roleOptions } from "./create-user-form";
import { UserStatus } from "./user-status";

const columns = ["Email", "Name", "Role", "Status", ""];

export function UsersClient({ canEdit, currentUserId }: { canEdit: boolean; currentUserId: string }) {
  const users = useUsers();
  const updateUser = useUpdateUser();
  const items = users.data?.items ?? [];

  return (
    <>
      <PageHeader title="Users" description="Who can use the console and the portal, and with which role." />
      <ErrorBanner error={users.error} />
      <ErrorBanner error={updateUser.error} title="Could not change the user" />
      <Card title="All users">
        <Table caption="Users" columns={columns} loading={users.isPending && "Loading users…"}>
          {items.map((user) => (
            <tr key={user.id}>
              <td className="strong">{user.email}</td>
              <td>{user.name}</td>
              <td>
                {canEdit ? (
                  <select
                    className="input select"
                    aria-label={`Role of ${user.email}`}
                    value={user.role}
                    disabled={updateUser.isPending}
                    onChange={(e) => updateUser.mutate({ id: user.id, body: { role: e.target.value as UserRole } })}
                  >
                    {roleOptions}
                  </select>
                ) : (
                  roleLabel(user.role)
                )}
              </td>
              <td>
                <UserStatus user={user} />
              </td>
              <td>
                {canEdit && user.id !== currentUserId && (
                  <Button
                    size="sm"
                    variant={user.disabled ? "secondary" : "danger"}
                    busy={updateUser.isPending && updateUser.variables?.id === user.id}
                    aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.email}`}
                    onClick={() => updateUser.mutate({ id: user.id, body: { disabled: !user.disabled } })}
                  >
                    {user.disabled ? "Enable" : "Disable"}
                  </Button>
                )}
                {canEdit && (user.locked || user.failedLoginAttempts > 0) && (
                  <Button
                    size="sm"
                    variant="secondary"
                    busy={updateUser.isPending && updateUser.variables?.id === user.id}
                    aria-label={`Unlock ${user.email}`}
                    onClick={() => updateUser.mutate({ id: user.id, body: { unlock: true } })}
                  >
                    {user.locked ? "Unlock" : "Reset failures"}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </Table>
      </Card>
      {canEdit && <CreateUserForm />}
    </>
  );
}
