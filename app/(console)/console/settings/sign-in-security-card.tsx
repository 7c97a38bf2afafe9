"use client";
// The "security" settings section: which console roles must sign in with a second factor
// (lib/iam/mfa/). Its own form and PATCH; platform admins edit, others see it disabled.
import type { FormEvent } from "react";
import type { WorkspaceSettings } from "@/lib/client/api-types";
import { formTexts } from "@/components/form-data";
import { roleLabel } from "@/components/role-label";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { useUpdateSettings } from "@/lib/client/use-settings";
import { userRoles, type UserRoleName } from "@/lib/iam/roles";

export function SignInSecurityCard({ security, canEdit }: { security: WorkspaceSettings["security"]; canEdit: boolean }) {
  const save = useUpdateSettings();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    save.mutate({ security: { mfaRequiredRoles: formTexts(e.currentTarget, "mfaRequiredRoles") as UserRoleName[] } });
  }

  return (
    <Card title="Sign-in security">
      <p className="muted">
        Roles checked here sign in with a second factor (authenticator app or passkey); someone without one sets it up right after the password.
      </p>
      <form className="form" onSubmit={onSubmit} aria-label="Sign-in security" key={JSON.stringify(security)}>
        <fieldset className="fieldset" disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
          {userRoles.map((role) => (
            <Checkbox
              key={role}
              name="mfaRequiredRoles"
              value={role}
              label={`Require a second factor for ${roleLabel(role)}`}
              defaultChecked={security.mfaRequiredRoles.includes(role)}
            />
          ))}
        </fieldset>
        <FormFooter
          submitLabel="Save sign-in policy"
          variant="secondary"
          busy={save.isPending}
          error={save.error}
          errorTitle="Policy refused"
          success={save.isSuccess ? "Saved; it applies from the next sign-in." : undefined}
          hideActions={!canEdit}
        />
      </form>
    </Card>
  );
}
