"use client";
// A realm's identity providers (federation): the list, adding one by issuer (the server reads its
// discovery document unless a JWKS URI is given), role mappings, sign-in through it
// (identity-provider-sign-in-form.tsx), a connection test and removal.
import { useRef, useState, type FormEvent } from "react";
import type { CreateRealmIdentityProviderRequest, RealmIdentityProvider, RealmIdentityProviderTestResult, RealmRoleMapping } from "@/lib/client/api-types";
import { RoleMappingsEditor } from "@/components/console/role-mappings-editor";
import { formText } from "@/components/form-data";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { LoadMore } from "@/components/ui/load-more";
import { Table } from "@/components/ui/table";
import { createIdentityProviderInputSchema, updateIdentityProviderInputSchema } from "@/lib/iam/realms/realm-identity-provider-schemas";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useRealmRoles } from "@/lib/client/use-realms";
import {
  useCreateRealmIdentityProvider,
  useDeleteRealmIdentityProvider,
  useRealmIdentityProviders,
  useTestRealmIdentityProvider,
  useUpdateRealmIdentityProvider,
} from "@/lib/client/use-realm-identity-providers";
import { IdentityProviderSignInForm, readSignInFields, SignInFields } from "./identity-provider-sign-in-form";

const mappingText = (m: RealmRoleMapping) => `${m.claim} = ${m.value} → ${m.role}`;

function TestResult({ alias, result }: { alias: string; result: RealmIdentityProviderTestResult }) {
  return (
    <div className="keys-box" role="region" aria-label={`Connection test of ${alias}`}>
      <p className="keys-box-title">
        {alias}: <Badge tone={result.ok ? "success" : "danger"}>{result.ok ? "connection ok" : "connection failed"}</Badge>
      </p>
      <dl className="details">
        <dt>Discovery</dt>
        <dd>
          <code>{result.discovery.url}</code> {result.discovery.ok ? `names jwks_uri ${result.discovery.jwksUri}` : result.discovery.error}
        </dd>
        <dt>JWKS</dt>
        <dd>
          <code>{result.jwks.url}</code>{" "}
          {result.jwks.ok
            ? `${result.jwks.keys.length} signing key(s): ${result.jwks.keys.map((k) => `${k.kid ?? "(no kid)"} ${k.alg ?? k.kty}`).join(", ")}`
            : result.jwks.error}
        </dd>
        <dt>Algorithms</dt>
        <dd>{result.jwks.algorithms.join(", ") || "none named"}</dd>
      </dl>
    </div>
  );
}

function MappingsForm({ realm, provider, roles, onDone }: { realm: string; provider: RealmIdentityProvider; roles: string[]; onDone(): void }) {
  const [rows, setRows] = useState(provider.roleMappings);
  const update = useUpdateRealmIdentityProvider(realm);
  const request = useRequestCheck(updateIdentityProviderInputSchema);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = { roleMappings: rows };
    if (request.check(body)) update.mutate({ alias: provider.alias, body }, { onSuccess: onDone });
  }
  return (
    <form className="form" onSubmit={onSubmit} aria-label={`Role mappings of ${provider.alias}`}>
      <RoleMappingsEditor rows={rows} onChange={setRows} roles={roles} label={provider.alias} />
      <FormFooter submitLabel="Save mappings" variant="secondary" size="sm" busy={update.isPending} error={request.problem ?? update.error} errorTitle="Could not save the mappings">
        <Button size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </FormFooter>
    </form>
  );
}

function AddProviderForm({ realm, roles }: { realm: string; roles: string[] }) {
  const [rows, setRows] = useState<RealmRoleMapping[]>([]);
  const create = useCreateRealmIdentityProvider(realm);
  const request = useRequestCheck(createIdentityProviderInputSchema);
  const formRef = useRef<HTMLFormElement>(null);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const jwksUri = formText(form, "jwksUri");
    const audience = formText(form, "audience");
    const body: CreateRealmIdentityProviderRequest = {
      alias: formText(form, "alias"),
      issuer: formText(form, "issuer"),
      ...(jwksUri ? { jwksUri } : {}),
      ...(audience ? { audience } : {}),
      roleMappings: rows,
      ...readSignInFields(form),
    };
    if (request.check(body)) {
      create.mutate(body, {
        onSuccess: () => {
          formRef.current?.reset();
          setRows([]);
        },
      });
    }
  }
  return (
    <form className="form" onSubmit={onSubmit} ref={formRef} aria-label="Add identity provider">
      <div className="form-row">
        <Input label="Alias" name="alias" required hint="Lowercase, e.g. partner-sso" />
        <Input label="Issuer URL" name="issuer" type="url" required hint="Its discovery document is read from {issuer}/.well-known/openid-configuration" />
        <Input label="JWKS URI" name="jwksUri" type="url" hint="Leave empty to take it from discovery" />
        <Input label="Audience" name="audience" hint="The aud its tokens carry; empty: the bound API's audiences" />
      </div>
      <RoleMappingsEditor rows={rows} onChange={setRows} roles={roles} label="the new provider" />
      <SignInFields />
      <FormFooter submitLabel="Add identity provider" variant="secondary" busy={create.isPending} error={request.problem ?? create.error} errorTitle="Could not add the identity provider" />
    </form>
  );
}

export function IdentityProvidersCard({ name, canManage }: { name: string; canManage: boolean }) {
  const providers = useRealmIdentityProviders(name);
  const roles = (useRealmRoles(name).data?.items ?? []).map((r) => r.name);
  const test = useTestRealmIdentityProvider(name);
  const remove = useDeleteRealmIdentityProvider(name);
  const [editing, setEditing] = useState<string | null>(null);
  const [signInOf, setSignInOf] = useState<string | null>(null);
  const editedProvider = providers.items.find((p) => p.alias === editing);
  const signInProvider = providers.items.find((p) => p.alias === signInOf);
  return (
    <Card title="Identity providers" id="identity-providers">
      <p className="field-hint">
        APIs bound to this realm also accept tokens of these OpenID Connect providers, verified with each provider&apos;s keys; their claims grant realm roles
        only through the mappings. With sign-in on, the realm&apos;s login page offers &quot;Sign in with …&quot; for the provider.
      </p>
      <ErrorBanner error={providers.error} />
      <ErrorBanner error={remove.error} title="Could not remove the identity provider" />
      <ErrorBanner error={test.error} title="Could not test the connection" />
      <Table
        caption="Identity providers"
        columns={["Alias", "Issuer", "Keys", "Audience", "Role mappings", "Sign-in", ""]}
        loading={providers.isPending && "Loading identity providers…"}
        empty={providers.isSuccess && providers.items.length === 0 && "No identity providers yet."}
      >
        {providers.items.map((p) => (
          <tr key={p.id}>
            <td className="strong">{p.alias}</td>
            <td>
              <code>{p.issuer}</code>
            </td>
            <td>
              <code>{p.jwksUri}</code> <Badge tone={p.discovered ? "info" : "neutral"}>{p.discovered ? "discovered" : "explicit"}</Badge>
            </td>
            <td>{p.audience ?? "the API's"}</td>
            <td>{p.roleMappings.map(mappingText).join("; ") || "none"}</td>
            <td>
              <Badge tone={p.signInEnabled ? "success" : "neutral"}>{p.signInEnabled ? "on" : "off"}</Badge>{" "}
              {p.signInEnabled && `as "${p.displayName ?? p.alias}", first sign-in: ${p.firstLogin === "create" ? "create user" : "link by email"}`}
            </td>
            <td>
              {canManage && (
                <div className="card-actions">
                  <Button size="sm" variant="secondary" aria-label={`Test the connection of ${p.alias}`} busy={test.isPending && test.variables === p.alias} onClick={() => test.mutate(p.alias)}>
                    Test connection
                  </Button>
                  <Button size="sm" variant="ghost" aria-label={`Edit the role mappings of ${p.alias}`} onClick={() => setEditing(p.alias)}>
                    Edit mappings
                  </Button>
                  <Button size="sm" variant="ghost" aria-label={`Edit sign-in through ${p.alias}`} onClick={() => setSignInOf(p.alias)}>
                    Sign-in
                  </Button>
                  <ConfirmButton
                    size="sm"
                    variant="ghost"
                    aria-label={`Remove ${p.alias}`}
                    busy={remove.isPending && remove.variables === p.alias}
                    confirm={{
                      title: `Remove the identity provider ${p.alias}?`,
                      body: `Gateways stop accepting tokens issued by ${p.issuer} for this realm's APIs within seconds${p.signInEnabled ? ", the login page no longer offers it, and its linked identities are removed" : ""}.`,
                      wayBack: "There is no way back: add the provider again, with its role mappings, to restore it.",
                      confirmLabel: `Remove ${p.alias}`,
                    }}
                    onConfirm={() => remove.mutate(p.alias)}
                  >
                    Remove
                  </ConfirmButton>
                </div>
              )}
            </td>
          </tr>
        ))}
      </Table>
      <LoadMore list={providers} />
      {test.data && test.variables && <TestResult alias={test.variables} result={test.data} />}
      {canManage && editedProvider && <MappingsForm key={editedProvider.id} realm={name} provider={editedProvider} roles={roles} onDone={() => setEditing(null)} />}
      {canManage && signInProvider && <IdentityProviderSignInForm key={`sign-in-${signInProvider.id}`} realm={name} provider={signInProvider} onDone={() => setSignInOf(null)} />}
      {canManage && <AddProviderForm realm={name} roles={roles} />}
    </Card>
  );
}
