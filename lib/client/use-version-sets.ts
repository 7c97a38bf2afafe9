// Version sets: the list (also the choices on an API's page) and creation.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateVersionSetRequest, ListResponse, VersionSet } from "@/lib/client/api-types";
import { apiFetch, jsonBody } from "./api-client";
import { queryKeys } from "./query-keys";

export function useVersionSets({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.versionSets.list(),
    queryFn: () => apiFetch<ListResponse<VersionSet>>("/api/v1/version-sets"),
    enabled,
  });
}

export function useCreateVersionSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateVersionSetRequest) => apiFetch<VersionSet>("/api/v1/version-sets", jsonBody("POST", body)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.versionSets.all }),
  });
}
