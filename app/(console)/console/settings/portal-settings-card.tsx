"use client";
// The "portal" settings section: the developer portal's name, logo, accent colour and home page
// Markdown, what anonymous visitors see, who may sign up, and the realm for apps and sign-in.
// Its own form and PATCH; platform admins edit, others see it disabled.
import { useState, type FormEvent } from "react";
import type { WorkspaceSettings } from "@/lib/client/api-types";
import { formText, formTexts } from "@/components/form-data";
import { Card } from "@/components/ui/card";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { LoadMore } from "@/components/ui/load-more";
import { useProducts } from "@/lib/client/use-products";
import { useRealms } from "@/lib/client/use-realms";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useUpdateSettings } from "@/lib/client/use-settings";
import { workspaceSettingsPatchSchema } from "@/lib/settings/workspace-settings-schema";

type Portal = WorkspaceSettings["portal"];

/** The PATCH body's paths → this form's controls. */
const aliases = {
  "portal.name": "portalName",
  "portal.logoUrl": "logoUrl",
  "portal.primaryColor": "primaryColor",
  "portal.homeMarkdown": "homeMarkdown",
  "portal.anonymousAccess": "anonymousAccess",
  "portal.publicProductIds": "publicProductIds",
  "portal.signUpMode": "signUpMode",
  "portal.realm": "realm",
};

export function PortalSettingsCard({ portal, canEdit }: { portal: Portal; canEdit: boolean }) {
  const save = useUpdateSettings();
  const request = useRequestCheck(workspaceSettingsPatchSchema);
  const [access, setAccess] = useState(portal.anonymousAccess);
  const [color, setColor] = useState(portal.primaryColor);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    save.reset();
    const form = e.currentTarget;
    const logoUrl = formText(form, "logoUrl");
    const realm = formText(form, "realm");
    const body = {
      portal: {
        name: formText(form, "portalName"),
        logoUrl: logoUrl || null,
        primaryColor: formText(form, "primaryColor"),
        homeMarkdown: formText(form, "homeMarkdown", { trim: false }),
        anonymousAccess: access,
        publicProductIds: access === "selected" ? formTexts(form, "publicProductIds") : portal.publicProductIds,
        signUpMode: formText(form, "signUpMode") as Portal["signUpMode"],
        realm: realm || null,
      },
    };
    if (request.check(body)) save.mutate(body);
  }

  return (
    <Card title="Developer portal">
      <p className="muted">How the portal looks to developers, what visitors who are not signed in see, and who may create an account.</p>
      <form className="form" onSubmit={onSubmit} aria-label="Developer portal settings" key={JSON.stringify(portal)} noValidate>
        <FieldErrorScope error={request.problem ?? save.error} aliases={aliases}>
          <fieldset className="fieldset" disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
            <div className="form-row">
              <Input label="Portal name" name="portalName" defaultValue={portal.name} required maxLength={100} />
              <Input label="Logo URL" name="logoUrl" defaultValue={portal.logoUrl ?? ""} placeholder="https://example.com/logo.svg" hint="A path on this site (e.g. /logo.svg) or an https:// URL; images from other sites show only where the pages' Content-Security-Policy (img-src) allows them. Empty: the Portcullis mark." />
            </div>
            <div className="form-row">
              <Input
                label="Accent colour"
                name="primaryColor"
                value={color}
                onChange={(e) => setColor(e.target.value)}
                pattern="#[0-9a-fA-F]{6}"
                hint="Buttons and links in the portal, as #rrggbb."
              />
              <Input label="Pick the accent colour" type="color" name="primaryColorPicker" value={/^#[0-9a-fA-F]{6}$/.test(color) ? color : "#000000"} onChange={(e) => setColor(e.target.value)} />
            </div>
            <Textarea label="Home page (Markdown)" name="homeMarkdown" rows={8} defaultValue={portal.homeMarkdown} hint="Shown on the portal's home page. Rendered sanitised: HTML and scripts are dropped." />
            <Select label="Visitors who are not signed in see" name="anonymousAccess" value={access} onChange={(e) => setAccess(e.target.value as Portal["anonymousAccess"])}>
              <option value="none">Nothing: they must sign in</option>
              <option value="published">Every published product</option>
              <option value="selected">Only the products chosen below</option>
            </Select>
            {access === "selected" && <PublicProductsPicker selected={portal.publicProductIds} />}
            <Select label="Sign-up" name="signUpMode" defaultValue={portal.signUpMode}>
              <option value="open">Open: anyone creates an account and signs in at once</option>
              <option value="approval">Approval: new accounts wait for a platform admin (Users page)</option>
              <option value="invitation">Invitation: only emails invited from the Users page</option>
            </Select>
            <RealmSelect current={portal.realm} />
          </fieldset>
          <FormFooter
            submitLabel="Save portal settings"
            variant="secondary"
            busy={save.isPending}
            error={request.problem ?? save.error}
            errorTitle="Portal settings not saved"
            success={save.isSuccess && "Portal settings saved."}
            hideActions={!canEdit}
          />
        </FieldErrorScope>
      </form>
    </Card>
  );
}

function PublicProductsPicker({ selected }: { selected: string[] }) {
  const products = useProducts({ state: "published" });
  return (
    <fieldset className="fieldset">
      <legend>Products visitors see</legend>
      {products.isPending && <p className="muted">Loading products…</p>}
      {products.isSuccess && products.items.length === 0 && <p className="muted">No product is published yet.</p>}
      {products.items.map((product) => (
        <Checkbox key={product.id} name="publicProductIds" value={product.id} label={product.name} defaultChecked={selected.includes(product.id)} />
      ))}
      <LoadMore list={products} />
    </fieldset>
  );
}

function RealmSelect({ current }: { current: string | null }) {
  const realms = useRealms();
  const names = realms.data?.items.map((r) => ({ name: r.name, label: r.displayName || r.name })) ?? [];
  // Keep the stored value selectable while the list loads (or if the realm was deleted).
  if (current && !names.some((r) => r.name === current)) names.unshift({ name: current, label: current });
  return (
    <Select
      label="Realm"
      name="realm"
      defaultValue={current ?? ""}
      key={names.length}
      hint="Developers' apps become clients of this realm, and the sign-in page offers “Sign in with” it (the portal registers its own client, portcullis-portal)."
    >
      <option value="">None</option>
      {names.map((r) => (
        <option key={r.name} value={r.name}>
          {r.label}
        </option>
      ))}
    </Select>
  );
}
