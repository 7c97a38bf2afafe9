// A realm's identity providers: the paged list, add (the server discovers the JWKS), change,
// remove, and the connection test. Cached under the realm, so realm-wide refreshes include them.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CreateRealmIdentityProviderRequest,
  RealmIdentityProvider,
  RealmIdentityProviderTestResult,
  UpdateRealmIdentityProviderRequest,
} from "@/lib/client/api-types";
import { apiFetch, jsonBody, segment } from "./api-client";
import { queryKeys } from "./query-keys";
import { usePagedList } from "./use-paged-list";

const path = (realm: string) => `/api/v1/realms/${segment(realm)}/identity-providers`;
const listKey = (realm: string) => [...queryKeys.realms.detail(realm), "identity-providers"] as const;

export function useRealmIdentityProviders(realm: string) {
  return usePagedList<RealmIdentityProvider>(listKey(realm), path(realm), {});
}

function useProviderMutation<Vars, Answer>(realm: string, request: (vars: Vars) => Promise<Answer>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSettled: () => void queryClient.invalidateQueries({ queryKey: listKey(realm) }) });
}

export const useCreateRealmIdentityProvider = (realm: string) =>
  useProviderMutation(realm, (body: CreateRealmIdentityProviderRequest) => apiFetch<RealmIdentityProvider>(path(realm), jsonBody("POST", body)));

export const useUpdateRealmIdentityProvider = (realm: string) =>
  useProviderMutation(realm, ({ alias, body }: { alias: string; body: UpdateRealmIdentityProviderRequest }) =>
    apiFetch<RealmIdentityProvider>(`${path(realm)}/${segment(alias)}`, jsonBody("PATCH", body)),
  );

export const useDeleteRealmIdentityProvider = (realm: string) =>
  useProviderMutation(realm, (alias: string) => apiFetch<RealmIdentityProvider>(`${path(realm)}/${segment(alias)}`, { method: "DELETE" }));

/** Changes nothing: no cache to refresh. */
export function useTestRealmIdentityProvider(realm: string) {
  return useMutation({ mutationFn: (alias: string) => apiFetch<RealmIdentityProviderTestResult>(`${path(realm)}/${segment(alias)}/test`, { method: "POST" }) });
}
