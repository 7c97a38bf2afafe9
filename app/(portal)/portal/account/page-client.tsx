"use client";
// A developer's own account: change the password (the current one first; every other session
// ends, this browser signs in again with the new one) and delete the account.
import { signIn, signOut } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { formText } from "@/components/form-data";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { ErrorBanner } from "@/components/ui/error-banner";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { Input } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { PageHeader } from "@/components/ui/page-header";
import { useChangePassword, useDeleteAccount } from "@/lib/client/use-portal-accounts";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { changePasswordInputSchema } from "@/lib/portal/accounts/portal-account-schemas";

export function AccountClient({ email, name, canDelete }: { email: string; name: string; canDelete: boolean }) {
  return (
    <>
      <PageHeader title="Your account" description={`${name} · ${email}`} />
      <ChangePasswordCard email={email} />
      {canDelete && <DeleteAccountCard />}
    </>
  );
}

function ChangePasswordCard({ email }: { email: string }) {
  const change = useChangePassword();
  const request = useRequestCheck(changePasswordInputSchema);
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    change.reset();
    const form = event.currentTarget;
    const body = { currentPassword: formText(form, "currentPassword", { trim: false }), newPassword: formText(form, "newPassword", { trim: false }) };
    if (!request.check(body)) return;
    if ((await change.mutateAsync(body).catch(() => "failed")) === "failed") return;
    // The change ended every session, this one too: sign this browser in again with the new password.
    await signIn("credentials", { redirect: false, email, password: body.newPassword });
    form.reset();
    setDone(true);
  }

  return (
    <Card title="Change password">
      <form className="form" onSubmit={onSubmit} aria-label="Change password" noValidate>
        <FieldErrorScope error={request.problem ?? change.error}>
          <Input label="Current password" type="password" name="currentPassword" autoComplete="current-password" required />
          <Input label="New password" type="password" name="newPassword" autoComplete="new-password" required hint="At least 12 characters. You stay signed in here; every other session ends." />
          <FormFooter
            submitLabel="Change password"
            busy={change.isPending}
            error={request.problem ?? change.error}
            errorTitle="Password not changed"
            success={done && "Password changed. Other sessions have been signed out."}
          />
        </FieldErrorScope>
      </form>
    </Card>
  );
}

function DeleteAccountCard() {
  const remove = useDeleteAccount();
  return (
    <Card title="Delete account">
      <p className="muted">Deleting your account cancels all of your subscriptions: their keys stop working at once.</p>
      <ConfirmButton
        variant="danger"
        busy={remove.isPending}
        confirm={{
          title: "Delete your account?",
          body: "All of your subscriptions are cancelled and their keys stop working at once; then your account is deleted and you are signed out.",
          wayBack: "There is no way back: you would have to sign up again and subscribe again (with new keys).",
          confirmLabel: "Yes, delete my account",
        }}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => void signOut({ callbackUrl: "/login" }) })}
      >
        Delete account
      </ConfirmButton>
      <ErrorBanner error={remove.error} title="Account not deleted" />
    </Card>
  );
}
