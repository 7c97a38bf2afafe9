// Admin API tokens: the list, creation (the secret is answered once) and revocation.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AdminApiToken, CreateAdminApiTokenRequest, CreatedAdminApiToken, ListResponse } from "@/lib/client/api-types";
import { apiFetch, jsonBody, segment } from "./api-client";
import { queryKeys } from "./query-keys";

export function useTokens() {
  return useQuery({ queryKey: queryKeys.tokens.list(), queryFn: () => apiFetch<ListResponse<AdminApiToken>>("/api/v1/tokens") });
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
