"use client";
// Realms: each one an OpenID Connect issuer at /realms/{name}. The list, and a form to add one.
import Link from "next/link";
import { useRef, type FormEvent } from "react";
import type { CreateRealmRequest } from "@/lib/client/api-types";
import { formText } from "@/components/form-data";
import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input, Select } from "@/components/ui/field";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { createRealmInputSchema } from "@/lib/iam/realms/realm-schemas";
import { useCreateRealm, useRealms } from "@/lib/client/use-realms";
import { useRequestCheck } from "@/lib/client/use-request-check";

const columns = ["Name", "Display name", "Issuer", "Status", "Created"];

function CreateRealmForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateRealm();
  const request = useRequestCheck(createRealmInputSchema);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const displayName = formText(form, "displayName");
    const body: CreateRealmRequest = {
      name: formText(form, "name"),
      ...(displayName ? { displayName } : {}),
      signingAlgorithm: formText(form, "signingAlgorithm") as "RS256" | "ES256",
    };
    if (request.check(body)) create.mutate(body, { onSuccess: () => formRef.current?.reset() });
  }

  return (
    <Card title="Create realm">
      <form className="form" onSubmit={onSubmit} ref={formRef}>
        <FieldErrorScope error={request.problem ?? create.error}>
          <div className="form-row">
            <Input label="Name" name="name" required pattern="[a-z0-9\-]+" hint="Lowercase slug in the issuer URL, e.g. acme" />
            <Input label="Display name" name="displayName" hint="Shown on the realm's sign-in page" />
            <Select label="Signing algorithm" name="signingAlgorithm" defaultValue="RS256">
              <option value="RS256">RS256</option>
              <option value="ES256">ES256</option>
            </Select>
          </div>
          <FormFooter submitLabel="Create realm" busy={create.isPending} error={request.problem ?? create.error} errorTitle="Could not create the realm" />
        </FieldErrorScope>
      </form>
    </Card>
  );
}

export function RealmsClient({ canManage }: { canManage: boolean }) {
  const realms = useRealms();
  const items = realms.data?.items ?? [];
  return (
    <>
      <PageHeader title="Realms" description="Each realm is an OpenID Connect issuer with its own users, roles, clients and signing keys. Bind an API to a realm in its security settings." />
      <ErrorBanner error={realms.error} />
      {canManage && <CreateRealmForm />}
      <Card title="All realms">
        <Table caption="Realms" columns={columns} loading={realms.isPending && "Loading realms…"} empty={realms.isSuccess && items.length === 0 && "No realms yet."}>
          {items.map((realm) => (
            <tr key={realm.id}>
              <td className="strong">
                <Link href={`/console/realms/${encodeURIComponent(realm.name)}`}>{realm.name}</Link>
              </td>
              <td>{realm.displayName}</td>
              <td>
                <code>{realm.issuer}</code>
              </td>
              <td>
                <Badge tone={realm.enabled ? "success" : "neutral"}>{realm.enabled ? "enabled" : "disabled"}</Badge>
              </td>
              <td>{formatDateTime(realm.createdAt)}</td>
            </tr>
          ))}
        </Table>
      </Card>
    </>
  );
}
