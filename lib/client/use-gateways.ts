// The running gateway instances and whether each keeps up.
import { useQuery } from "@tanstack/react-query";
import type { GatewayInstance, ListResponse } from "@/lib/client/api-types";
import { apiFetch } from "./api-client";
import { queryKeys } from "./query-keys";

/** Polled: heartbeats, lag and silence change without any page action. */
export function useGateways() {
  return useQuery({
    queryKey: queryKeys.gateways,
    queryFn: () => apiFetch<ListResponse<GatewayInstance>>("/api/v1/gateways"),
    refetchInterval: 5000,
  });
}
