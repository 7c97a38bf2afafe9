// Gateway rules per operation, and what is in force on an operation (the API's own
// rules are fields of the API: useUpdateApi).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AccessRuleTestRequest, AccessRuleTestResult, EffectivePolicy, ListResponse, OperationPolicy, PutOperationPolicyRequest } from "@/lib/client/api-types";
import { apiFetch, jsonBody, segment } from "./api-client";
import { queryKeys } from "./query-keys";

export function useOperationPolicies(apiId: string) {
  return useQuery({
    queryKey: queryKeys.apis.operationPolicies(apiId),
    queryFn: () => apiFetch<ListResponse<OperationPolicy>>(`/api/v1/apis/${segment(apiId)}/operation-policies`),
  });
}

export function useEffectivePolicy(apiId: string, op: { method: string; path: string } | null) {
  return useQuery({
    queryKey: queryKeys.apis.effectivePolicy(apiId, op?.method ?? "", op?.path ?? ""),
    queryFn: () =>
      apiFetch<EffectivePolicy>(
        `/api/v1/apis/${segment(apiId)}/effective-policy?${new URLSearchParams({ method: op!.method, path: op!.path })}`,
      ),
    enabled: op !== null,
  });
}

/** The rule tester: changes nothing, so nothing is refreshed. */
export function useTestAccessRules(apiId: string) {
  return useMutation({
    mutationFn: (body: AccessRuleTestRequest) => apiFetch<AccessRuleTestResult>(`/api/v1/apis/${segment(apiId)}/access-rules/test`, jsonBody("POST", body)),
  });
}

/** Every operation view of the API (policies, effective answers) hangs under its detail key. */
function useRefreshApi(apiId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: queryKeys.apis.detail(apiId) });
}

export function usePutOperationPolicy(apiId: string) {
  const refresh = useRefreshApi(apiId);
  return useMutation({
    mutationFn: (body: PutOperationPolicyRequest) =>
      apiFetch<OperationPolicy>(`/api/v1/apis/${segment(apiId)}/operation-policies`, jsonBody("PUT", body)),
    onSuccess: refresh,
  });
}

export function useDeleteOperationPolicy(apiId: string) {
  const refresh = useRefreshApi(apiId);
  return useMutation({
    mutationFn: (op: { method: string; path: string }) =>
      apiFetch<void>(`/api/v1/apis/${segment(apiId)}/operation-policies?${new URLSearchParams(op)}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
}
