"use client";
// One realm user's actions in the users table: enable or disable (disabling ends their refresh
// tokens), set a new password, replace their roles and groups, and see or unlink their linked identities.
import { useState, type FormEvent } from "react";
import type { RealmUser, UpdateRealmUserRequest } from "@/lib/client/api-types";
import { formText } from "@/components/form-data";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { updateRealmUserInputSchema } from "@/lib/iam/realms/realm-directory-schemas";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useUpdateRealmUser } from "@/lib/client/use-realm-admin";
import { RealmUserIdentityLinks } from "./realm-user-identity-links";

const splitList = (text: string) => text.split(/[\s,]+/).filter(Boolean);

export function RealmUserActions({ realm, user }: { realm: string; user: RealmUser }) {
  const update = useUpdateRealmUser(realm);
  const request = useRequestCheck(updateRealmUserInputSchema);
  const [editing, setEditing] = useState(false);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const password = formText(form, "password", { trim: false });
    const body: UpdateRealmUserRequest = {
      roles: splitList(formText(form, "roles")),
      groups: splitList(formText(form, "groups")),
      ...(password ? { password } : {}),
    };
    if (request.check(body)) update.mutate({ userId: user.id, body }, { onSuccess: () => setEditing(false) });
  }

  return (
    <div className="form-actions">
      {user.enabled ? (
        <ConfirmButton
          size="sm"
          variant="danger"
          busy={update.isPending && update.variables?.body.enabled !== undefined}
          aria-label={`Disable ${user.username}`}
          confirm={{
            title: `Disable ${user.username}?`,
            body: "They can no longer sign in to the realm, and gateways refuse their tokens within seconds.",
            wayBack: "You can enable them again at any time; their roles and groups are kept.",
            confirmLabel: "Disable user",
          }}
          onConfirm={() => update.mutate({ userId: user.id, body: { enabled: false } })}
        >
          Disable
        </ConfirmButton>
      ) : (
        <Button
          size="sm"
          variant="secondary"
          busy={update.isPending && update.variables?.body.enabled !== undefined}
          aria-label={`Enable ${user.username}`}
          onClick={() => update.mutate({ userId: user.id, body: { enabled: true } })}
        >
          Enable
        </Button>
      )}
      <Button size="sm" variant="ghost" aria-expanded={editing} onClick={() => setEditing(!editing)}>
        {editing ? "Cancel" : "Edit"}
      </Button>
      <RealmUserIdentityLinks realm={realm} user={user} />
      {editing && (
        <form className="form" onSubmit={onSubmit} aria-label={`Edit ${user.username}`}>
          <Input label="Roles" name="roles" defaultValue={user.roles.join(", ")} />
          <Input label="Groups" name="groups" defaultValue={user.groups.join(", ")} />
          <Input label="New password" name="password" type="password" autoComplete="new-password" hint="Empty: unchanged; at least 12 characters" />
          <FormFooter submitLabel="Save user" variant="secondary" busy={update.isPending} error={request.problem ?? update.error} errorTitle="Could not save the user" />
        </form>
      )}
      {!editing && update.error && <span className="field-hint">{update.error.message}</span>}
    </div>
  );
}
