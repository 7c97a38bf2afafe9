"use client";
// A realm's client scopes: named sets of claims (protocol mappers) that clients get as default
// scopes (every token) or optional ones (when the request names them). Paged and searched on the
// server; add one, change one (settings and mappers), delete one no client has.
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { ErrorBanner } from "@/components/ui/error-banner";
import { LoadMore } from "@/components/ui/load-more";
import { SearchBox } from "@/components/ui/search-box";
import { Table } from "@/components/ui/table";
import { useDeleteClientScope, useRealmClientScopePage } from "@/lib/client/use-realm-client-scopes";
import { describeMapper, RealmClientScopeForm } from "./realm-client-scope-form";

export function RealmClientScopesCard({ name, canManage }: { name: string; canManage: boolean }) {
  const [search, setSearch] = useState<string | undefined>(undefined);
  const scopes = useRealmClientScopePage(name, search);
  const remove = useDeleteClientScope(name);
  const [open, setOpen] = useState<string | null>(null);
  const items = scopes.items;
  const opened = items.find((s) => s.name === open);
  return (
    <Card title="Client scopes">
      <p className="field-hint">
        Assigned to a client as a default scope, its mappers add claims to every token; as an optional scope, only when the token request names it in <code>scope</code>.
      </p>
      <ErrorBanner error={scopes.error} />
      <ErrorBanner error={remove.error} title="Could not delete the client scope" />
      <SearchBox label="Search client scopes" placeholder="scope name" onSearch={setSearch} />
      <Table
        caption="Client scopes"
        columns={["Name", "Description", "Mappers", "In token scope", "New clients", ...(canManage ? [""] : [])]}
        loading={scopes.isPending && "Loading client scopes…"}
        empty={scopes.isSuccess && items.length === 0 && (search ? "No client scope matches." : "No client scopes yet.")}
      >
        {items.map((scope) => (
          <tr key={scope.id}>
            <td className="strong">{scope.name}</td>
            <td>{scope.description}</td>
            <td>
              {scope.mappers.map((m) => (
                <div key={m.name}>
                  <code>{describeMapper(m)}</code>
                </div>
              ))}
            </td>
            <td>{scope.includeInTokenScope ? "yes" : "no"}</td>
            <td>{scope.assignToNewClients ? <Badge tone={scope.assignToNewClients === "default" ? "info" : "neutral"}>{scope.assignToNewClients}</Badge> : "—"}</td>
            {canManage && (
              <td>
                <div className="form-actions">
                  <Button size="sm" variant="ghost" aria-expanded={open === scope.name} onClick={() => setOpen(open === scope.name ? null : scope.name)}>
                    {open === scope.name ? "Close" : "Edit"}
                  </Button>
                  <ConfirmButton
                    size="sm"
                    variant="danger"
                    aria-label={`Delete client scope ${scope.name}`}
                    busy={remove.isPending && remove.variables === scope.name}
                    confirm={{
                      title: `Delete the client scope ${scope.name}?`,
                      body: "Tokens issued from now on no longer carry its claims, and token requests naming it are refused. It cannot be deleted while clients use it.",
                      wayBack: "There is no way back: create the scope and its mappers again to restore it.",
                      confirmLabel: "Delete client scope",
                    }}
                    onConfirm={() => remove.mutate(scope.name)}
                  >
                    Delete
                  </ConfirmButton>
                </div>
              </td>
            )}
          </tr>
        ))}
      </Table>
      <LoadMore list={scopes} />
      {canManage && opened && (
        <div className="keys-box" role="region" aria-label={`Client scope ${opened.name}`}>
          <h3>Client scope {opened.name}</h3>
          <RealmClientScopeForm key={opened.updatedAt} realm={name} scope={opened} onDone={() => setOpen(null)} />
        </div>
      )}
      {canManage && <RealmClientScopeForm realm={name} />}
    </Card>
  );
}
