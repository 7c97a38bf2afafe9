"use client";
// The API's place in a version set: how clients reach this version, and (for
// editors) joining or leaving a set. The server checks path uniqueness (409).
import Link from "next/link";
import { useState, type FormEvent } from "react";
import type { Api } from "@/lib/client/api-types";
import { formText } from "@/components/form-data";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { FormFooter } from "@/components/ui/form-footer";
import { SearchBox } from "@/components/ui/search-box";
import { useUpdateApi } from "@/lib/client/use-apis";
import { useVersionSets } from "@/lib/client/use-version-sets";

function howToCall(api: Api): string {
  const set = api.versionSet;
  const at = `/${api.gatewayPath ?? api.path}`;
  if (!set || set.scheme === "path" || !api.versionName) return at;
  return set.scheme === "header" ? `${at} with header ${set.parameterName}: ${api.versionName}` : `${at}?${set.parameterName}=${api.versionName}`;
}

export function VersionPanel({ api, canEdit }: { api: Api; canEdit: boolean }) {
  const [search, setSearch] = useState<string | undefined>();
  const sets = useVersionSets({ search }, { enabled: canEdit });
  // The API's own set stays a choice whatever the search shows.
  const current = api.versionSet;
  const choices = current && !sets.items.some((s) => s.id === current.id) ? [current, ...sets.items] : sets.items;
  const update = useUpdateApi(api.id);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const versionSetId = formText(e.currentTarget, "versionSetId");
    update.mutate(versionSetId ? { versionSetId, versionName: formText(e.currentTarget, "versionName") } : { versionSetId: null });
  }

  return (
    <Card title="Version">
      <dl className="details">
        <dt>Version set</dt>
        <dd>
          {api.versionSet ? (
            <Link href="/console/version-sets">{api.versionSet.name}</Link>
          ) : (
            "None (unversioned)"
          )}
        </dd>
        {api.versionName && (
          <>
            <dt>Version name</dt>
            <dd>
              <code>{api.versionName}</code>
            </dd>
          </>
        )}
        <dt>Clients call</dt>
        <dd>
          <code>{howToCall(api)}</code>
        </dd>
      </dl>
      {canEdit && (
        <form className="form" onSubmit={onSubmit} aria-label="Change version">
          <FieldErrorScope error={update.error ?? sets.error}>
            <div className="form-row">
              <SearchBox label="Find version set" placeholder="Name" onSearch={setSearch} />
              <Select label="Version set" name="versionSetId" defaultValue={api.versionSet?.id ?? ""} key={api.versionSet?.id ?? "none"}>
                <option value="">None</option>
                {choices.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.scheme})
                  </option>
                ))}
              </Select>
              <Input label="Version name" name="versionName" defaultValue={api.versionName ?? ""} placeholder="v2" />
            </div>
            <FormFooter
              submitLabel="Save version"
              variant="secondary"
              busy={update.isPending}
              error={update.error ?? sets.error}
              errorTitle="Version change refused"
            />
          </FieldErrorScope>
        </form>
      )}
    </Card>
  );
}
