// The gateways' HTTPS certificate: read by admins and viewers, set or removed by platform admins.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { GatewayTls, GatewayTlsInput } from "@/lib/client/api-types";
import { apiFetch, jsonBody } from "./api-client";
import { queryKeys } from "./query-keys";

export function useGatewayTls() {
  return useQuery({ queryKey: queryKeys.gatewayTls, queryFn: () => apiFetch<GatewayTls>("/api/v1/gateway-tls") });
}

export function useSetGatewayTls() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GatewayTlsInput) => apiFetch<GatewayTls>("/api/v1/gateway-tls", jsonBody("PUT", body)),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.gatewayTls, saved),
  });
}

export function useClearGatewayTls() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<GatewayTls>("/api/v1/gateway-tls", { method: "DELETE" }),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.gatewayTls, saved),
  });
}
