"use client";
// One realm: its issuer and discovery document, roles (realm-roles-card.tsx), groups, client scopes
// (realm-client-scopes-card.tsx), clients (realm-clients-card.tsx), users
// (with realm-user-actions.tsx), signing keys (state of each, rotate now) and settings. Forms check their body with the route's schema.
import { useRef, useState, type FormEvent } from "react";
import type { CreateRealmUserRequest } from "@/lib/client/api-types";
import { formText } from "@/components/form-data";
import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input } from "@/components/ui/field";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { createRealmUserInputSchema } from "@/lib/iam/realms/realm-directory-schemas";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { IdentityProvidersCard } from "./identity-providers-card";
import { RealmCaCard } from "./realm-ca-card";
import { RealmClientScopesCard } from "./realm-client-scopes-card";
import { RealmClientsCard } from "./realm-clients-card";
import { RealmGroupsCard } from "./realm-groups-card";
import { RealmRolesCard } from "./realm-roles-card";
import { RealmSettingsCard } from "./realm-settings-card";
import { RealmSessionsCard } from "./realm-sessions-card";
import { RealmUserActions } from "./realm-user-actions";
import { useRealmUserPage } from "@/lib/client/use-realm-admin";
import { LoadMore } from "@/components/ui/load-more";
import { SearchBox } from "@/components/ui/search-box";
import { useCreateRealmUser, useRealm, useRealmKeys, useRotateRealmKeys } from "@/lib/client/use-realms";

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

function Users({ name, canManage }: { name: string; canManage: boolean }) {
  const [search, setSearch] = useState<string | undefined>(undefined);
  const users = useRealmUserPage(name, search);
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
  const items = users.items;
  return (
    <Card title="Users">
      <ErrorBanner error={users.error} />
      <SearchBox label="Search users" placeholder="username or email" onSearch={setSearch} />
      <Table caption="Realm users" columns={["Username", "Email", "Roles", "Groups", "Status", ...(canManage ? [""] : [])]} loading={users.isPending && "Loading users…"} empty={users.isSuccess && items.length === 0 && "No users yet."}>
        {items.map((user) => (
          <tr key={user.id}>
            <td className="strong">{user.username}</td>
            <td>{user.email}</td>
            <td>{user.roles.join(", ")}</td>
            <td>{user.groups.join(", ")}</td>
            <td>
              <Badge tone={user.enabled ? "success" : "neutral"}>{user.enabled ? "enabled" : "disabled"}</Badge>
            </td>
            {canManage && (
              <td>
                <RealmUserActions realm={name} user={user} />
              </td>
            )}
          </tr>
        ))}
      </Table>
      <LoadMore list={users} />
      {canManage && (
        <form className="form" onSubmit={onSubmit} ref={formRef} aria-label="Add user">
          <FieldErrorScope error={request.problem ?? create.error}>
            <div className="form-row">
              <Input label="Username" name="username" required />
              <Input label="Email" name="email" type="email" />
              <Input label="Password" name="password" type="password" autoComplete="new-password" hint="At least 12 characters" />
              <Input label="Roles" name="roles" hint="Comma-separated realm roles" />
            </div>
            <FormFooter submitLabel="Add user" variant="secondary" busy={create.isPending} error={request.problem ?? create.error} errorTitle="Could not add the user" />
          </FieldErrorScope>
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
      <Breadcrumbs trail={[{ label: "Realms", href: "/console/realms" }]} current={name} />
      <PageHeader title={`Realm ${name}`} description="An OpenID Connect issuer: its roles, clients, users and signing keys." />
      <Overview name={name} />
      <RealmRolesCard name={name} canManage={canManage} />
      <RealmGroupsCard name={name} canManage={canManage} />
      <RealmClientScopesCard name={name} canManage={canManage} />
      <RealmClientsCard name={name} canManage={canManage} />
      <Users name={name} canManage={canManage} />
      <RealmSessionsCard name={name} canManage={canManage} />
      <Keys name={name} canManage={canManage} />
      <RealmCaCard name={name} />
      <IdentityProvidersCard name={name} canManage={canManage} />
      <RealmSettingsCard name={name} canManage={canManage} />
    </>
  );
}
