// Version sets: the list (also the choices on an API's page) and creation.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateVersionSetRequest, VersionSet } from "@/lib/client/api-types";
import { apiFetch, jsonBody } from "./api-client";
import { queryKeys } from "./query-keys";
import { usePagedList } from "./use-paged-list";

/** A page of version sets at a time, by name, searched on the server. */
export function useVersionSets(filters: { search?: string } = {}, options: { enabled?: boolean } = {}) {
  return usePagedList<VersionSet>(queryKeys.versionSets.list(filters), "/api/v1/version-sets", filters, options);
}

export function useCreateVersionSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateVersionSetRequest) => apiFetch<VersionSet>("/api/v1/version-sets", jsonBody("POST", body)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.versionSets.all }),
  });
}
