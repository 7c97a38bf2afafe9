// The portal's API page: the reference document on the gateway, code samples and the
// caller's own subscriptions to the API. Under the API's detail key, so a change to the
// API (a new current revision, a lifecycle step) refetches it too.
import { useQuery } from "@tanstack/react-query";
import type { ApiExampleCall, ApiReference } from "@/lib/client/api-types";
import { apiFetch, segment } from "./api-client";
import { queryKeys } from "./query-keys";

export function useApiReference(apiId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...queryKeys.apis.detail(apiId), "reference"] as const,
    queryFn: () => apiFetch<ApiReference>(`/api/v1/apis/${segment(apiId)}/reference`),
    enabled,
  });
}

/** One curl call of the API (beside a subscription's keys): not the whole reference. */
export function useApiExampleCall(apiId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...queryKeys.apis.detail(apiId), "example-call"] as const,
    queryFn: () => apiFetch<ApiExampleCall>(`/api/v1/apis/${segment(apiId)}/example-call`),
    enabled,
  });
}
