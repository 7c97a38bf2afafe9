"use client";
// Changing one client: redirect URIs, scopes and client scopes (default or optional), token lifetimes, how it authenticates at the token
// endpoint (a secret, or private_key_jwt with its JWKS or JWKS URI) and whether it is enabled.
import type { FormEvent } from "react";
import type { RealmClient, UpdateRealmClientRequest } from "@/lib/client/api-types";
import { formChecked, formText } from "@/components/form-data";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { tokenEndpointAuthMethods, updateClientInputSchema } from "@/lib/iam/realms/realm-client-schemas";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useUpdateRealmClient } from "@/lib/client/use-realm-admin";
import { readClientScopeChoices, RealmClientScopeSelector } from "./realm-client-scope-selector";

const splitList = (text: string) => text.split(/[\s,]+/).filter(Boolean);
const lifetime = (text: string) => (text ? Number(text) : null);

/** The JWKS textarea as JSON, or the text itself so the schema check names the problem. */
export function parseJwks(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function RealmClientSettingsForm({ realm, client }: { realm: string; client: RealmClient }) {
  const update = useUpdateRealmClient(realm);
  const request = useRequestCheck(updateClientInputSchema);
  const methods = client.type === "public" ? (["none"] as const) : tokenEndpointAuthMethods.filter((m) => m !== "none");

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const method = formText(form, "tokenEndpointAuthMethod") as RealmClient["tokenEndpointAuthMethod"];
    const jwks = formText(form, "jwks");
    const jwksUri = formText(form, "jwksUri");
    const body: UpdateRealmClientRequest = {
      redirectUris: splitList(formText(form, "redirectUris")),
      scopes: splitList(formText(form, "scopes")),
      ...readClientScopeChoices(form),
      accessTokenLifetimeSeconds: lifetime(formText(form, "accessTokenLifetimeSeconds")),
      refreshTokenLifetimeSeconds: lifetime(formText(form, "refreshTokenLifetimeSeconds")),
      enabled: formChecked(form, "enabled"),
      ...(method !== client.tokenEndpointAuthMethod || method === "private_key_jwt"
        ? {
            tokenEndpointAuthMethod: method,
            jwks: method === "private_key_jwt" && jwks ? (parseJwks(jwks) as UpdateRealmClientRequest["jwks"]) : null,
            jwksUri: method === "private_key_jwt" && jwksUri ? jwksUri : null,
          }
        : {}),
    };
    if (request.check(body)) update.mutate({ clientId: client.clientId, body });
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-label={`Settings of ${client.clientId}`}>
      <div className="form-row">
        <Input label="Redirect URIs" name="redirectUris" defaultValue={client.redirectUris.join(" ")} hint="Exact match; space-separated" />
        <Input label="Scopes" name="scopes" defaultValue={client.scopes.join(" ")} hint="Plain scope values, no claims of their own" />
        <Input label="Access token lifetime (s)" name="accessTokenLifetimeSeconds" type="number" min={10} defaultValue={client.accessTokenLifetimeSeconds ?? ""} hint="Empty: the realm's" />
        <Input label="Refresh token lifetime (s)" name="refreshTokenLifetimeSeconds" type="number" min={10} defaultValue={client.refreshTokenLifetimeSeconds ?? ""} hint="Empty: the realm's" />
      </div>
      <div className="form-row">
        <Select label="Token endpoint authentication" name="tokenEndpointAuthMethod" defaultValue={client.tokenEndpointAuthMethod}>
          {methods.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </Select>
        <Input label="JWKS URI" name="jwksUri" defaultValue={client.jwksUri ?? ""} hint="private_key_jwt: where the client publishes its keys" />
      </div>
      <Textarea label="JWKS" name="jwks" rows={3} defaultValue={client.jwks ? JSON.stringify(client.jwks) : ""} hint='private_key_jwt: {"keys":[…]} with public keys only (or use a JWKS URI)' />
      <RealmClientScopeSelector realm={realm} assigned={client} />
      <Checkbox label="Enabled" name="enabled" defaultChecked={client.enabled} />
      <FormFooter submitLabel="Save client" variant="secondary" busy={update.isPending} error={request.problem ?? update.error} errorTitle="Could not save the client" />
    </form>
  );
}
