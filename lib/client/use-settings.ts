// Workspace settings: one document, read by everyone and saved by platform admins.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { WorkspaceSettings } from "@/lib/client/api-types";
import { apiFetch, jsonBody } from "./api-client";
import { queryKeys } from "./query-keys";

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => apiFetch<WorkspaceSettings>("/api/v1/settings") });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    // A subset of the sections; the gateway defaults are edited on their own.
    mutationFn: (patch: Partial<WorkspaceSettings>) => apiFetch<WorkspaceSettings>("/api/v1/settings", jsonBody("PATCH", patch)),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.settings, saved),
  });
}
