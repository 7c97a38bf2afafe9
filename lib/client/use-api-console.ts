// An API page's whole-task actions: delete the API, and the test console (an operation's form,
// a request sent through the gateway by the server with a test subscription's key).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DeletedApi } from "@/lib/apis/delete-api-schemas";
import type { OperationTestTemplate } from "@/lib/apis/test-console/operation-template-schemas";
import type { TestRequestInput, TestResponse } from "@/lib/apis/test-console/test-request-schemas";
import { apiFetch, jsonBody, segment } from "./api-client";
import { queryKeys } from "./query-keys";

const apiPath = (apiId: string) => `/api/v1/apis/${segment(apiId)}`;

export function useDeleteApi(apiId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ deleteSubscriptions }: { deleteSubscriptions: boolean }) =>
      apiFetch<DeletedApi>(`${apiPath(apiId)}${deleteSubscriptions ? "?deleteSubscriptions=true" : ""}`, { method: "DELETE" }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.apis.detail(apiId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.apis.list() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.subscriptions.all });
    },
  });
}

/** The form of one operation of the current revision; the document does not change under it. */
export function useOperationTestTemplate(apiId: string, operationId: string | null) {
  return useQuery({
    queryKey: [...queryKeys.apis.detail(apiId), "test-template", operationId],
    queryFn: () => apiFetch<OperationTestTemplate>(`${apiPath(apiId)}/test-requests?operationId=${encodeURIComponent(operationId ?? "")}`),
    enabled: operationId !== null,
    staleTime: Infinity,
  });
}

export function useSendTestRequest(apiId: string) {
  return useMutation({
    mutationFn: (body: Partial<TestRequestInput> & Pick<TestRequestInput, "method" | "path">) =>
      apiFetch<TestResponse>(`${apiPath(apiId)}/test-requests`, jsonBody("POST", body)),
  });
}
