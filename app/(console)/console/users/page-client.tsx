"use client";
import { useState } from "react";
import type { UserRole } from "@/lib/client/api-types";
import { roleLabel } from "@/components/role-label";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { LoadMore } from "@/components/ui/load-more";
import { ListFilters } from "@/components/ui/list-filters";
import { Table } from "@/components/ui/table";
import { userRoles } from "@/lib/iam/roles";
import { useUsers } from "@/lib/client/use-users";
import { EntityLink } from "@/components/console/entity-links";
import { CreateUserForm } from "./create-user-form";
import { InviteDeveloperForm } from "./invite-developer-form";
import { UserActions } from "./user-actions";
import { UserRoleSelect } from "./user-role-select";
import { UserStatus } from "./user-status";

const columns = ["Email", "Name", "Role", "Status", ""];

export function UsersClient({ canEdit, currentUserId }: { canEdit: boolean; currentUserId: string }) {
  const [search, setSearch] = useState<string | undefined>();
  const [role, setRole] = useState<UserRole | "">("");
  const users = useUsers({ search, role: role || undefined });
  const items = users.items;

  return (
    <>
      <PageHeader title="Users" description="Who can use the console and the portal, and with which role." />
      <ErrorBanner error={users.error} />
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
              <td className="strong">
                <EntityLink kind="user" id={user.id}>{user.email}</EntityLink>
              </td>
              <td>{user.name}</td>
              <td>
                <UserRoleSelect user={user} canEdit={canEdit} />
              </td>
              <td>
                <UserStatus user={user} />
              </td>
              <td className="row-actions">{canEdit && <UserActions user={user} currentUserId={currentUserId} />}</td>
            </tr>
          ))}
        </Table>
        <LoadMore list={users} />
      </Card>
      {canEdit && <CreateUserForm />}
      {canEdit && <InviteDeveloperForm />}
    </>
  );
}
