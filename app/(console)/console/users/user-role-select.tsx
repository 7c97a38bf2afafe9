"use client";
// A user's role, changed only after a confirmation that says what the change does; the select
// stays on the stored role until then (and after a refusal, when the list is refetched).
import { useState } from "react";
import type { ConsoleUser, UserRole } from "@/lib/client/api-types";
import { roleLabel } from "@/components/role-label";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useUpdateUser } from "@/lib/client/use-users";
import { roleOptions } from "./create-user-form";

export function UserRoleSelect({ user, canEdit }: { user: Pick<ConsoleUser, "id" | "email" | "role">; canEdit: boolean }) {
  const updateUser = useUpdateUser();
  const [to, setTo] = useState<UserRole | null>(null);
  if (!canEdit) return <>{roleLabel(user.role)}</>;
  return (
    <>
      <select
        className="input select"
        aria-label={`Role of ${user.email}`}
        value={user.role}
        disabled={updateUser.isPending}
        onChange={(e) => setTo(e.target.value as UserRole)}
      >
        {roleOptions}
      </select>
      {updateUser.error instanceof Error && (
        <span className="field-error" role="alert">
          {updateUser.error.message}
        </span>
      )}
      <ConfirmDialog
        open={to !== null}
        title={to ? `Make ${user.email} ${roleLabel(to)}?` : ""}
        body={to ? `Their permissions change from ${roleLabel(user.role)} to ${roleLabel(to)} with their next request: pages and actions of the old role may stop working for them.` : ""}
        wayBack={`You can change the role back to ${roleLabel(user.role)} here at any time.`}
        confirmLabel="Change role"
        onCancel={() => setTo(null)}
        onConfirm={() => {
          if (to) updateUser.mutate({ id: user.id, body: { role: to } });
          setTo(null);
        }}
      />
    </>
  );
}
