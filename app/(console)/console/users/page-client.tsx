"use client";
import { useState } from "react";
import type { UserRole } from "@/lib/client/api-types";
import { roleLabel } from "@/components/role-label";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmButton, ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { LoadMore } from "@/components/ui/load-more";
import { ListFilters } from "@/components/ui/list-filters";
import { Table } from "@/components/ui/table";
import { userRoles } from "@/lib/iam/roles";
import { useUpdateUser, useUsers } from "@/lib/client/use-users";
import { CreateUserForm, roleOptions } from "./create-user-form";
import { ResetMfaButton } from "./reset-mfa-button";
import { UserStatus } from "./user-status";

const columns = ["Email", "Name", "Role", "Status", ""];

export function UsersClient({ canEdit, currentUserId }: { canEdit: boolean; currentUserId: string }) {
  const [search, setSearch] = useState<string | undefined>();
  const [role, setRole] = useState<UserRole | "">("");
  const users = useUsers({ search, role: role || undefined });
  const updateUser = useUpdateUser();
  // A role change waits here until confirmed; the select stays on the current role meanwhile.
  const [roleChange, setRoleChange] = useState<{ id: string; email: string; from: UserRole; to: UserRole } | null>(null);
  const items = users.items;

  return (
    <>
      <PageHeader title="Users" description="Who can use the console and the portal, and with which role." />
      <ErrorBanner error={users.error} />
      <ErrorBanner error={updateUser.error} title="Could not change the user" />
      <Card
        title="All users"
        actions={
          <ListFilters
            search={{ label: "Search users", placeholder: "Email or name", onSearch: setSearch }}
            choice={{ label: "Filter by role", anyLabel: "Any role", options: userRoles, value: role, onChange: setRole, optionLabel: roleLabel }}
          />
        }
      >
        <Table
          caption="Users"
          columns={columns}
          loading={users.isPending && "Loading users…"}
          empty={users.isSuccess && items.length === 0 && "No users match."}
        >
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
                    onChange={(e) => setRoleChange({ id: user.id, email: user.email, from: user.role, to: e.target.value as UserRole })}
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
                  user.disabled ? (
                    <Button
                      size="sm"
                      variant="secondary"
                      busy={updateUser.isPending && updateUser.variables?.id === user.id}
                      aria-label={`Enable ${user.email}`}
                      onClick={() => updateUser.mutate({ id: user.id, body: { disabled: false } })}
                    >
                      Enable
                    </Button>
                  ) : (
                    <ConfirmButton
                      size="sm"
                      variant="danger"
                      busy={updateUser.isPending && updateUser.variables?.id === user.id}
                      aria-label={`Disable ${user.email}`}
                      confirm={{
                        title: `Disable ${user.email}?`,
                        body: "They can no longer sign in to the console or the portal, and their sessions end.",
                        wayBack: "You can enable them again at any time; nothing of theirs is deleted.",
                        confirmLabel: "Disable user",
                      }}
                      onConfirm={() => updateUser.mutate({ id: user.id, body: { disabled: true } })}
                    >
                      Disable
                    </ConfirmButton>
                  )
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
                {canEdit && user.id !== currentUserId && <ResetMfaButton user={user} />}
              </td>
            </tr>
          ))}
        </Table>
        <LoadMore list={users} />
      </Card>
      {canEdit && <CreateUserForm />}
      <ConfirmDialog
        open={roleChange !== null}
        title={roleChange ? `Make ${roleChange.email} ${roleLabel(roleChange.to)}?` : ""}
        body={roleChange ? `Their permissions change from ${roleLabel(roleChange.from)} to ${roleLabel(roleChange.to)} with their next request: pages and actions of the old role may stop working for them.` : ""}
        wayBack={roleChange ? `You can change the role back to ${roleLabel(roleChange.from)} here at any time.` : ""}
        confirmLabel="Change role"
        onCancel={() => setRoleChange(null)}
        onConfirm={() => {
          if (roleChange) updateUser.mutate({ id: roleChange.id, body: { role: roleChange.to } });
          setRoleChange(null);
        }}
      />
    </>
  );
}
