"use client";
// Invites an email to sign up in the portal (for sign-up mode "invitation"): the single-use link
// is shown once, to copy and send; only its hash is kept.
import { useState, type FormEvent } from "react";
import type { CreatedInvitation } from "@/lib/portal/accounts/portal-account-schemas";
import { formText } from "@/components/form-data";
import { formatDateTime } from "@/components/format";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { Input } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { useCreateInvitation } from "@/lib/client/use-portal-accounts";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { createInvitationInputSchema } from "@/lib/portal/accounts/portal-account-schemas";

export function InviteDeveloperForm() {
  const invite = useCreateInvitation();
  const request = useRequestCheck(createInvitationInputSchema);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    invite.reset();
    setCreated(null);
    const form = event.currentTarget;
    const body = { email: formText(form, "email"), expiresInDays: Number(formText(form, "expiresInDays")) };
    if (!request.check(body)) return;
    invite.mutate(body, {
      onSuccess: (answer) => {
        setCreated(answer);
        form.reset();
      },
    });
  }

  return (
    <Card title="Invite a developer">
      <p className="muted">When the portal&apos;s sign-up is by invitation, only invited emails may create an account. Each link works once.</p>
      <form className="form" onSubmit={onSubmit} aria-label="Invite a developer" noValidate>
        <FieldErrorScope error={request.problem ?? invite.error}>
          <div className="form-row">
            <Input label="Email" type="email" name="email" required />
            <Input label="Link valid for (days)" type="number" name="expiresInDays" min={1} max={30} defaultValue={7} required />
          </div>
          <FormFooter submitLabel="Create invitation" variant="secondary" busy={invite.isPending} error={request.problem ?? invite.error} errorTitle="Invitation not created" />
        </FieldErrorScope>
      </form>
      {created && (
        <div role="status" className="form">
          <p>
            Send this link to <strong>{created.email}</strong> (valid until {formatDateTime(created.expiresAt)}). It is shown only now.
          </p>
          <Input label="Sign-up link" name="signUpUrl" readOnly value={created.signUpUrl} className="mono" onFocus={(e) => e.currentTarget.select()} />
          <CopyButton value={created.signUpUrl} label="Copy sign-up link" />
        </div>
      )}
    </Card>
  );
}
