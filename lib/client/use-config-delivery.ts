// Whether the gateways have every acknowledged change.
import { useQuery } from "@tanstack/react-query";
import type { ConfigDelivery } from "@/lib/client/api-types";
import { apiFetch } from "./api-client";
import { queryKeys } from "./query-keys";

/** Polled: a failure and its recovery happen in the background, without a page action. */
export function useConfigDelivery() {
  return useQuery({
    queryKey: queryKeys.configDelivery,
    queryFn: () => apiFetch<ConfigDelivery>("/api/v1/config-delivery"),
    refetchInterval: 5000,
  });
}
