"use client";
// A realm's settings: display name, token lifetimes, login policy (second factor), signing
// algorithm and scheduled key rotation, and whether the realm issues tokens at all.
import type { FormEvent } from "react";
import type { Realm, UpdateRealmRequest } from "@/lib/client/api-types";
import { formChecked, formText } from "@/components/form-data";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Checkbox, Input, Select } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { signingAlgorithms, updateRealmInputSchema } from "@/lib/iam/realms/realm-schemas";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useRealm } from "@/lib/client/use-realms";
import { useUpdateRealm } from "@/lib/client/use-realm-admin";

function SettingsForm({ realm }: { realm: Realm }) {
  const update = useUpdateRealm(realm.name);
  const request = useRequestCheck(updateRealmInputSchema);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const rotationHours = formText(form, "rotationHours");
    const body: UpdateRealmRequest = {
      displayName: formText(form, "displayName"),
      accessTokenLifetimeSeconds: Number(formText(form, "accessTokenLifetimeSeconds")),
      refreshTokenLifetimeSeconds: Number(formText(form, "refreshTokenLifetimeSeconds")),
      signingAlgorithm: formText(form, "signingAlgorithm") as Realm["signingAlgorithm"],
      keyRotationIntervalSeconds: rotationHours ? Math.round(Number(rotationHours) * 3600) : null,
      mfaRequired: formChecked(form, "mfaRequired"),
      enabled: formChecked(form, "enabled"),
    };
    if (request.check(body)) update.mutate(body);
  }
  return (
    <form className="form" onSubmit={onSubmit} aria-label="Realm settings">
      <div className="form-row">
        <Input label="Display name" name="displayName" defaultValue={realm.displayName} required />
        <Input label="Access token lifetime (s)" name="accessTokenLifetimeSeconds" type="number" min={10} defaultValue={realm.accessTokenLifetimeSeconds} required />
        <Input label="Refresh token lifetime (s)" name="refreshTokenLifetimeSeconds" type="number" min={10} defaultValue={realm.refreshTokenLifetimeSeconds} required />
      </div>
      <div className="form-row">
        <Select label="Signing algorithm" name="signingAlgorithm" defaultValue={realm.signingAlgorithm} hint="For keys created from now on">
          {signingAlgorithms.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
        <Input
          label="Rotate keys every (hours)"
          name="rotationHours"
          type="number"
          min={1}
          step="any"
          defaultValue={realm.keyRotationIntervalSeconds ? realm.keyRotationIntervalSeconds / 3600 : ""}
          hint="Empty: manual rotation only"
        />
      </div>
      <Checkbox label="Login policy: users sign in with a second factor" name="mfaRequired" defaultChecked={realm.mfaRequired} />
      <Checkbox label="Enabled (a disabled realm issues no tokens)" name="enabled" defaultChecked={realm.enabled} />
      <FormFooter submitLabel="Save settings" variant="secondary" busy={update.isPending} error={request.problem ?? update.error} errorTitle="Could not save the settings" />
    </form>
  );
}

export function RealmSettingsCard({ name, canManage }: { name: string; canManage: boolean }) {
  const realm = useRealm(name);
  if (!canManage) return null;
  return (
    <Card title="Realm settings">
      <ErrorBanner error={realm.error} />
      {realm.data && <SettingsForm key={realm.data.updatedAt} realm={realm.data} />}
    </Card>
  );
}
