// Admin API tokens: the list, creation (the secret is answered once) and revocation.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AdminApiToken, CreateAdminApiTokenRequest, CreatedAdminApiToken } from "@/lib/client/api-types";
import { apiFetch, jsonBody, segment } from "./api-client";
import { queryKeys, type TokenFilters } from "./query-keys";
import { usePagedList } from "./use-paged-list";

/** A page of tokens at a time, newest first. */
export function useTokens(filters: TokenFilters = {}) {
  return usePagedList<AdminApiToken>(queryKeys.tokens.list(filters), "/api/v1/tokens", filters);
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAdminApiTokenRequest) => apiFetch<CreatedAdminApiToken>("/api/v1/tokens", jsonBody("POST", body)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.tokens.all }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<AdminApiToken>(`/api/v1/tokens/${segment(id)}`, { method: "DELETE" }),
    // Also after a refusal (e.g. already revoked elsewhere): the table shows what is stored.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.tokens.all }),
  });
}
