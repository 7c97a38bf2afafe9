// The portal's API page: the reference document on the gateway, code samples and the
// caller's own subscriptions to the API. Under the API's detail key, so a change to the
// API (a new current revision, a lifecycle step) refetches it too.
import { useQuery } from "@tanstack/react-query";
import type { ApiReference } from "@/lib/client/api-types";
import { apiFetch, segment } from "./api-client";
import { queryKeys } from "./query-keys";

export function useApiReference(apiId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...queryKeys.apis.detail(apiId), "reference"] as const,
    queryFn: () => apiFetch<ApiReference>(`/api/v1/apis/${segment(apiId)}/reference`),
    enabled,
  });
}
