"use client";
// A realm's clients: register one (a secret, shown once, or private_key_jwt with its keys),
// rotate a secret, and per client its settings and certificates from the realm's CA.
import { useRef, useState, type FormEvent } from "react";
import type { CreateRealmClientRequest } from "@/lib/client/api-types";
import { formText } from "@/components/form-data";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { Table } from "@/components/ui/table";
import { createClientInputSchema } from "@/lib/iam/realms/realm-client-schemas";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useCreateRealmClient, useRotateClientSecret } from "@/lib/client/use-realms";
import { useRealmClientPage } from "@/lib/client/use-realm-admin";
import { LoadMore } from "@/components/ui/load-more";
import { SearchBox } from "@/components/ui/search-box";
import { RealmClientCertificates } from "./realm-client-certificates";
import { parseJwks, RealmClientSettingsForm } from "./realm-client-settings-form";
import { readClientScopeChoices, RealmClientScopeSelector } from "./realm-client-scope-selector";

const splitList = (text: string) => text.split(/[\s,]+/).filter(Boolean);
/** Body fields named otherwise on the form, so their messages land under the right control. */
const clientFieldNames = { tokenEndpointAuthMethod: "auth" } as const;

const usesSecret = (method: string) => method === "client_secret_basic" || method === "client_secret_post";

export function RealmClientsCard({ name, canManage }: { name: string; canManage: boolean }) {
  const [search, setSearch] = useState<string | undefined>(undefined);
  const clients = useRealmClientPage(name, search);
  const create = useCreateRealmClient(name);
  const rotate = useRotateClientSecret(name);
  const request = useRequestCheck(createClientInputSchema);
  const formRef = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState<string | null>(null);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const type = formText(form, "type") as "confidential" | "public";
    const auth = formText(form, "auth");
    const jwks = formText(form, "jwks");
    const jwksUri = formText(form, "jwksUri");
    const body: CreateRealmClientRequest = {
      clientId: formText(form, "clientId"),
      type,
      roles: splitList(formText(form, "roles")),
      scopes: splitList(formText(form, "scopes")),
      ...readClientScopeChoices(form),
      redirectUris: splitList(formText(form, "redirectUris")),
      ...(type === "confidential" && auth === "private_key_jwt"
        ? { tokenEndpointAuthMethod: "private_key_jwt", ...(jwks ? { jwks: parseJwks(jwks) as CreateRealmClientRequest["jwks"] } : {}), ...(jwksUri ? { jwksUri } : {}) }
        : {}),
    };
    if (request.check(body)) create.mutate(body, { onSuccess: () => formRef.current?.reset() });
  }

  const shownSecret = create.data?.clientSecret ? create.data : rotate.data;
  const items = clients.items;
  const opened = items.find((c) => c.clientId === open);
  return (
    <Card title="Clients">
      <ErrorBanner error={clients.error} />
      <ErrorBanner error={rotate.error} title="Could not rotate the secret" />
      {shownSecret && (
        <div className="keys-box" role="region" aria-label="New client secret">
          <p className="keys-box-title">Copy the secret of {shownSecret.clientId} now: it will not be shown again.</p>
          <code data-testid="new-client-secret">{shownSecret.clientSecret}</code>
          <CopyButton value={shownSecret.clientSecret ?? ""} label="the client secret" />
        </div>
      )}
      <SearchBox label="Search clients" placeholder="clientId" onSearch={setSearch} />
      <Table
        caption="Clients"
        columns={["Client ID", "Type", "Authentication", "Roles", "Client scopes", "Redirect URIs", "Status", ""]}
        loading={clients.isPending && "Loading clients…"}
        empty={clients.isSuccess && items.length === 0 && "No clients yet."}
      >
        {items.map((client) => (
          <tr key={client.id}>
            <td className="strong">{client.clientId}</td>
            <td>{client.type}</td>
            <td>{client.tokenEndpointAuthMethod}</td>
            <td>{client.roles.join(", ")}</td>
            <td>
              {client.defaultClientScopes.join(", ")}
              {client.optionalClientScopes.length > 0 && <span className="field-hint"> (optional: {client.optionalClientScopes.join(", ")})</span>}
            </td>
            <td>{client.redirectUris.join(" ")}</td>
            <td>
              <Badge tone={client.enabled ? "success" : "neutral"}>{client.enabled ? "enabled" : "disabled"}</Badge>
            </td>
            <td>
              <div className="form-actions">
                {canManage && client.type === "confidential" && usesSecret(client.tokenEndpointAuthMethod) && (
                  <ConfirmButton
                    size="sm"
                    variant="secondary"
                    aria-label={`Rotate the secret of ${client.clientId}`}
                    busy={rotate.isPending && rotate.variables === client.clientId}
                    confirm={{
                      title: `Rotate the secret of ${client.clientId}?`,
                      body: "The current secret stops working at once: the client cannot get new tokens until it is given the new secret (tokens already issued stay valid until they expire).",
                      wayBack: "There is no way back: the old secret cannot be restored. The new one is shown once.",
                      confirmLabel: "Rotate secret",
                    }}
                    onConfirm={() => rotate.mutate(client.clientId)}
                  >
                    Rotate secret
                  </ConfirmButton>
                )}
                <Button size="sm" variant="ghost" aria-expanded={open === client.clientId} onClick={() => setOpen(open === client.clientId ? null : client.clientId)}>
                  {open === client.clientId ? "Close" : "Details"}
                </Button>
              </div>
            </td>
          </tr>
        ))}
      </Table>
      <LoadMore list={clients} />
      {opened && (
        <div className="keys-box" role="region" aria-label={`Client ${opened.clientId}`}>
          <h3>Client {opened.clientId}</h3>
          {canManage && <RealmClientSettingsForm key={opened.id} realm={name} client={opened} />}
          {opened.type === "confidential" && <RealmClientCertificates realm={name} clientId={opened.clientId} canManage={canManage} />}
        </div>
      )}
      {canManage && (
        <form className="form" onSubmit={onSubmit} ref={formRef} aria-label="Add client">
          <FieldErrorScope error={request.problem ?? create.error} aliases={clientFieldNames}>
            <div className="form-row">
              <Input label="Client ID" name="clientId" required />
              <Select label="Type" name="type" defaultValue="confidential">
                <option value="confidential">confidential (authenticates)</option>
                <option value="public">public (PKCE only)</option>
              </Select>
              <Select label="Authentication" name="auth" defaultValue="client_secret_basic" hint="Confidential clients: a secret, or a signed JWT (no shared secret)">
                <option value="client_secret_basic">client secret</option>
                <option value="private_key_jwt">private_key_jwt</option>
              </Select>
              <Input label="Roles" name="roles" hint="Realm roles of the client itself, comma-separated" />
              <Input label="Scopes" name="scopes" hint="Plain scope values, space- or comma-separated" />
              <Input label="Redirect URIs" name="redirectUris" hint="For the authorization code flow, exact match" />
            </div>
            <div className="form-row">
              <Textarea label="JWKS" name="jwks" rows={2} hint='private_key_jwt: {"keys":[…]}, public keys only' />
              <Input label="JWKS URI" name="jwksUri" hint="private_key_jwt: or where the client publishes them" />
            </div>
            <RealmClientScopeSelector realm={name} />
            <FormFooter submitLabel="Add client" variant="secondary" busy={create.isPending} error={request.problem ?? create.error} errorTitle="Could not add the client" />
          </FieldErrorScope>
        </form>
      )}
    </Card>
  );
}
