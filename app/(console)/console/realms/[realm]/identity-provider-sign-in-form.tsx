"use client";
// Sign-in through an identity provider (identity brokering): the realm's client at the provider
// (the secret is write-only: empty keeps the stored one), the scopes asked, what a first sign-in
// does, and the switch. The redirect URI to register at the provider is shown to copy.
import type { FormEvent } from "react";
import type { RealmIdentityProvider, UpdateRealmIdentityProviderRequest } from "@/lib/client/api-types";
import { formChecked, formText } from "@/components/form-data";
import { Button } from "@/components/ui/button";
import { Checkbox, Input, Select } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { updateIdentityProviderInputSchema } from "@/lib/iam/realms/realm-identity-provider-schemas";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useUpdateRealmIdentityProvider } from "@/lib/client/use-realm-identity-providers";

const splitList = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** The sign-in fields as a request body part, shared by the add form (empty fields left out). */
export function readSignInFields(form: HTMLFormElement) {
  const displayName = formText(form, "displayName");
  const clientId = formText(form, "clientId");
  const clientSecret = formText(form, "clientSecret", { trim: false });
  const scopes = splitList(formText(form, "scopes"));
  return {
    signInEnabled: formChecked(form, "signInEnabled"),
    firstLogin: formText(form, "firstLogin") as RealmIdentityProvider["firstLogin"],
    ...(displayName ? { displayName } : {}),
    ...(clientId ? { clientId } : {}),
    ...(clientSecret ? { clientSecret } : {}),
    ...(scopes.length ? { scopes } : {}),
  };
}

export function SignInFields({ provider }: { provider?: RealmIdentityProvider }) {
  return (
    <>
      <div className="form-row">
        <Input label="Display name" name="displayName" defaultValue={provider?.displayName ?? ""} hint='The login page shows "Sign in with {display name}"' />
        <Input label="Client ID" name="clientId" defaultValue={provider?.clientId ?? ""} hint="The realm's client at the provider" />
        <Input
          label="Client secret"
          name="clientSecret"
          type="password"
          autoComplete="off"
          hint={provider?.hasClientSecret ? "Stored (never shown); empty keeps it" : "Stored encrypted, never shown again"}
        />
        <Input label="Scopes" name="scopes" defaultValue={(provider?.scopes ?? ["openid", "email", "profile"]).join(" ")} hint="Must include openid" />
        <Select label="First sign-in" name="firstLogin" defaultValue={provider?.firstLogin ?? "create"}>
          <option value="create">Create a realm user</option>
          <option value="link_by_email">Link to the realm user with the verified email</option>
        </Select>
      </div>
      <Checkbox label="Realm users may sign in through this provider" name="signInEnabled" defaultChecked={provider?.signInEnabled ?? false} />
    </>
  );
}

export function IdentityProviderSignInForm({ realm, provider, onDone }: { realm: string; provider: RealmIdentityProvider; onDone(): void }) {
  const update = useUpdateRealmIdentityProvider(realm);
  const request = useRequestCheck(updateIdentityProviderInputSchema);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fields = readSignInFields(form);
    // Emptied fields clear what was stored (the secret excepted: empty keeps it).
    const body: UpdateRealmIdentityProviderRequest = { displayName: null, clientId: null, ...fields };
    if (request.check(body)) update.mutate({ alias: provider.alias, body }, { onSuccess: onDone });
  }
  return (
    <form className="form" onSubmit={onSubmit} aria-label={`Sign-in through ${provider.alias}`}>
      <p className="field-hint">
        Register this redirect URI for the client at the provider: <code>{provider.redirectUri}</code>
      </p>
      <SignInFields provider={provider} />
      <FormFooter submitLabel="Save sign-in settings" variant="secondary" size="sm" busy={update.isPending} error={request.problem ?? update.error} errorTitle="Could not save the sign-in settings">
        <Button size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </FormFooter>
    </form>
  );
}
