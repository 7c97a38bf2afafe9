"use client";
// The API's place in a version set: how clients reach this version, and (for
// editors) joining or leaving a set. The server checks path uniqueness (409).
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { apiFetch, jsonBody } from "@/components/api-client";
import type { Api, ListResponse, UpdateApiRequest, VersionSet } from "@/components/api-types";
import { formText } from "@/components/form-data";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input, Select } from "@/components/ui/field";

function howToCall(api: Api): string {
  const set = api.versionSet;
  const at = `/${api.gatewayPath ?? api.path}`;
  if (!set || set.scheme === "path" || !api.versionName) return at;
  return set.scheme === "header" ? `${at} with header ${set.parameterName}: ${api.versionName}` : `${at}?${set.parameterName}=${api.versionName}`;
}

export function VersionPanel({ api, canEdit }: { api: Api; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const sets = useQuery({
    queryKey: queryKeys.versionSets,
    queryFn: () => apiFetch<ListResponse<VersionSet>>("/api/v1/version-sets"),
    enabled: canEdit,
  });
  const update = useMutation({
    mutationFn: (body: UpdateApiRequest) => apiFetch<Api>(`/api/v1/apis/${encodeURIComponent(api.id)}`, jsonBody("PATCH", body)),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.api(api.id), (old: Api | undefined) => ({ ...old, ...updated }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.versionSets });
    },
  });

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
          <div className="form-row">
            <Select label="Version set" name="versionSetId" defaultValue={api.versionSet?.id ?? ""} key={api.versionSet?.id ?? "none"}>
              <option value="">None</option>
              {(sets.data?.items ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.scheme})
                </option>
              ))}
            </Select>
            <Input label="Version name" name="versionName" defaultValue={api.versionName ?? ""} placeholder="v2" />
          </div>
          <ErrorBanner error={update.error ?? sets.error} title="Version change refused" />
          <div className="form-actions">
            <Button type="submit" variant="secondary" busy={update.isPending}>
              Save version
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
