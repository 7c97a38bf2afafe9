"use client";
// One realm: its issuer and discovery document, roles, clients (a new secret shown once, rotation),
// users and signing keys (state of each, rotate now). Forms check their body with the route's schema.
import { useRef, type FormEvent } from "react";
import type { CreateRealmClientRequest, CreateRealmUserRequest } from "@/lib/client/api-types";
import { formText } from "@/components/form-data";
import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input, Select } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { createClientInputSchema } from "@/lib/iam/realms/realm-client-schemas";
import { createRealmUserInputSchema, createRoleInputSchema } from "@/lib/iam/realms/realm-directory-schemas";
import { useRequestCheck } from "@/lib/client/use-request-check";
import {
  useCreateRealmClient,
  useCreateRealmRole,
  useCreateRealmUser,
  useRealm,
  useRealmClients,
  useRealmKeys,
  useRealmRoles,
  useRealmUsers,
  useRotateClientSecret,
  useRotateRealmKeys,
} from "@/lib/client/use-realms";

const splitList = (text: string) => text.split(/[\s,]+/).filter(Boolean);
const keyTone = { active: "success", staged: "info", passive: "neutral" } as const;

function Overview({ name }: { name: string }) {
  const realm = useRealm(name);
  const r = realm.data;
  return (
    <Card title="Overview">
      <ErrorBanner error={realm.error} />
      {r && (
        <dl className="details">
          <dt>Issuer</dt>
          <dd>
            <code>{r.issuer}</code>
          </dd>
          <dt>Discovery</dt>
          <dd>
            <a href={`${r.issuer}/.well-known/openid-configuration`} target="_blank" rel="noreferrer">
              {`${r.issuer}/.well-known/openid-configuration`}
            </a>
          </dd>
          <dt>Status</dt>
          <dd>{r.enabled ? "enabled" : "disabled"}</dd>
          <dt>Access token lifetime</dt>
          <dd>{r.accessTokenLifetimeSeconds} s</dd>
          <dt>Refresh token lifetime</dt>
          <dd>{r.refreshTokenLifetimeSeconds} s</dd>
          <dt>Key rotation</dt>
          <dd>{r.keyRotationIntervalSeconds ? `every ${r.keyRotationIntervalSeconds} s (${r.signingAlgorithm})` : `manual (${r.signingAlgorithm})`}</dd>
        </dl>
      )}
    </Card>
  );
}

function Roles({ name, canManage }: { name: string; canManage: boolean }) {
  const roles = useRealmRoles(name);
  const create = useCreateRealmRole(name);
  const request = useRequestCheck(createRoleInputSchema);
  const formRef = useRef<HTMLFormElement>(null);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = { name: formText(e.currentTarget, "name"), description: formText(e.currentTarget, "description") };
    if (request.check(body)) create.mutate(body, { onSuccess: () => formRef.current?.reset() });
  }
  const items = roles.data?.items ?? [];
  return (
    <Card title="Roles">
      <ErrorBanner error={roles.error} />
      <Table caption="Realm roles" columns={["Name", "Description"]} loading={roles.isPending && "Loading roles…"} empty={roles.isSuccess && items.length === 0 && "No roles yet."}>
        {items.map((role) => (
          <tr key={role.id}>
            <td className="strong">{role.name}</td>
            <td>{role.description}</td>
          </tr>
        ))}
      </Table>
      {canManage && (
        <form className="form" onSubmit={onSubmit} ref={formRef} aria-label="Add role">
          <div className="form-row">
            <Input label="Role name" name="name" required />
            <Input label="Description" name="description" />
          </div>
          <FormFooter submitLabel="Add role" variant="secondary" busy={create.isPending} error={request.problem ?? create.error} errorTitle="Could not add the role" />
        </form>
      )}
    </Card>
  );
}

function Clients({ name, canManage }: { name: string; canManage: boolean }) {
  const clients = useRealmClients(name);
  const create = useCreateRealmClient(name);
  const rotate = useRotateClientSecret(name);
  const request = useRequestCheck(createClientInputSchema);
  const formRef = useRef<HTMLFormElement>(null);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const body: CreateRealmClientRequest = {
      clientId: formText(form, "clientId"),
      type: formText(form, "type") as "confidential" | "public",
      roles: splitList(formText(form, "roles")),
      scopes: splitList(formText(form, "scopes")),
      redirectUris: splitList(formText(form, "redirectUris")),
    };
    if (request.check(body)) create.mutate(body, { onSuccess: () => formRef.current?.reset() });
  }
  const shownSecret = create.data?.clientSecret ? create.data : rotate.data;
  const items = clients.data?.items ?? [];
  return (
    <Card title="Clients">
      <ErrorBanner error={clients.error} />
      <ErrorBanner error={rotate.error} title="Could not rotate the secret" />
      {shownSecret && (
        <div className="keys-box" role="region" aria-label="New client secret">
          <p className="keys-box-title">Copy the secret of {shownSecret.clientId} now: it will not be shown again.</p>
          <code data-testid="new-client-secret">{shownSecret.clientSecret}</code>
        </div>
      )}
      <Table caption="Clients" columns={["Client ID", "Type", "Roles", "Scopes", "Redirect URIs", "Status", ""]} loading={clients.isPending && "Loading clients…"} empty={clients.isSuccess && items.length === 0 && "No clients yet."}>
        {items.map((client) => (
          <tr key={client.id}>
            <td className="strong">{client.clientId}</td>
            <td>{client.type}</td>
            <td>{client.roles.join(", ")}</td>
            <td>{client.scopes.join(" ")}</td>
            <td>{client.redirectUris.join(" ")}</td>
            <td>
              <Badge tone={client.enabled ? "success" : "neutral"}>{client.enabled ? "enabled" : "disabled"}</Badge>
            </td>
            <td>
              {canManage && client.type === "confidential" && (
                <Button size="sm" variant="secondary" aria-label={`Rotate the secret of ${client.clientId}`} busy={rotate.isPending && rotate.variables === client.clientId} onClick={() => rotate.mutate(client.clientId)}>
                  Rotate secret
                </Button>
              )}
            </td>
          </tr>
        ))}
      </Table>
      {canManage && (
        <form className="form" onSubmit={onSubmit} ref={formRef} aria-label="Add client">
          <div className="form-row">
            <Input label="Client ID" name="clientId" required />
            <Select label="Type" name="type" defaultValue="confidential">
              <option value="confidential">confidential (has a secret)</option>
              <option value="public">public (PKCE only)</option>
            </Select>
            <Input label="Roles" name="roles" hint="Realm roles of the client itself, comma-separated" />
            <Input label="Scopes" name="scopes" hint="Space- or comma-separated" />
            <Input label="Redirect URIs" name="redirectUris" hint="For the authorization code flow, exact match" />
          </div>
          <FormFooter submitLabel="Add client" variant="secondary" busy={create.isPending} error={request.problem ?? create.error} errorTitle="Could not add the client" />
        </form>
      )}
    </Card>
  );
}

function Users({ name, canManage }: { name: string; canManage: boolean }) {
  const users = useRealmUsers(name);
  const create = useCreateRealmUser(name);
  const request = useRequestCheck(createRealmUserInputSchema);
  const formRef = useRef<HTMLFormElement>(null);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const email = formText(form, "email");
    const password = formText(form, "password", { trim: false });
    const body: CreateRealmUserRequest = {
      username: formText(form, "username"),
      ...(email ? { email } : {}),
      ...(password ? { password } : {}),
      roles: splitList(formText(form, "roles")),
    };
    if (request.check(body)) create.mutate(body, { onSuccess: () => formRef.current?.reset() });
  }
  const items = users.data?.items ?? [];
  return (
    <Card title="Users">
      <ErrorBanner error={users.error} />
      <Table caption="Realm users" columns={["Username", "Email", "Roles", "Groups", "Status"]} loading={users.isPending && "Loading users…"} empty={users.isSuccess && items.length === 0 && "No users yet."}>
        {items.map((user) => (
          <tr key={user.id}>
            <td className="strong">{user.username}</td>
            <td>{user.email}</td>
            <td>{user.roles.join(", ")}</td>
            <td>{user.groups.join(", ")}</td>
            <td>
              <Badge tone={user.enabled ? "success" : "neutral"}>{user.enabled ? "enabled" : "disabled"}</Badge>
            </td>
          </tr>
        ))}
      </Table>
      {canManage && (
        <form className="form" onSubmit={onSubmit} ref={formRef} aria-label="Add user">
          <div className="form-row">
            <Input label="Username" name="username" required />
            <Input label="Email" name="email" type="email" />
            <Input label="Password" name="password" type="password" autoComplete="new-password" hint="At least 12 characters" />
            <Input label="Roles" name="roles" hint="Comma-separated realm roles" />
          </div>
          <FormFooter submitLabel="Add user" variant="secondary" busy={create.isPending} error={request.problem ?? create.error} errorTitle="Could not add the user" />
        </form>
      )}
    </Card>
  );
}

function Keys({ name, canManage }: { name: string; canManage: boolean }) {
  const keys = useRealmKeys(name);
  const rotate = useRotateRealmKeys(name);
  const items = keys.data?.items ?? [];
  return (
    <Card
      title="Signing keys"
      actions={
        canManage && (
          <Button size="sm" variant="secondary" busy={rotate.isPending} onClick={() => rotate.mutate()}>
            Rotate now
          </Button>
        )
      }
    >
      <p className="field-hint">The staged key is already published; rotating makes it sign, turns the active key passive (still verifying) and stages a new one.</p>
      <ErrorBanner error={keys.error ?? rotate.error} />
      <Table caption="Signing keys" columns={["Key ID", "Algorithm", "State", "Created", "Activated", "Retired", "Leaves the JWKS"]} loading={keys.isPending && "Loading keys…"} empty={keys.isSuccess && items.length === 0 && "No keys."}>
        {items.map((key) => (
          <tr key={key.kid}>
            <td>
              <code>{key.kid}</code>
            </td>
            <td>{key.algorithm}</td>
            <td>
              <Badge tone={keyTone[key.state]}>{key.state}</Badge>
            </td>
            <td>{formatDateTime(key.createdAt)}</td>
            <td>{formatDateTime(key.activatedAt)}</td>
            <td>{formatDateTime(key.retiredAt)}</td>
            <td>{formatDateTime(key.removableAfter)}</td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

export function RealmDetailClient({ name, canManage }: { name: string; canManage: boolean }) {
  return (
    <>
      <PageHeader title={`Realm ${name}`} description="An OpenID Connect issuer: its roles, clients, users and signing keys." />
      <Overview name={name} />
      <Roles name={name} canManage={canManage} />
      <Clients name={name} canManage={canManage} />
      <Users name={name} canManage={canManage} />
      <Keys name={name} canManage={canManage} />
    </>
  );
}
