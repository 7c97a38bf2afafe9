// A realm user's linked identities at identity providers: the list, and unlink.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RealmUserIdentityLink } from "@/lib/client/api-types";
import { apiFetch, segment } from "./api-client";
import { queryKeys } from "./query-keys";

const path = (realm: string, userId: string) => `/api/v1/realms/${segment(realm)}/users/${segment(userId)}/identity-links`;
const key = (realm: string, userId: string) => [...queryKeys.realms.part(realm, "users"), userId, "identity-links"] as const;

export function useRealmUserIdentityLinks(realm: string, userId: string, enabled = true) {
  return useQuery({ queryKey: key(realm, userId), queryFn: () => apiFetch<{ items: RealmUserIdentityLink[] }>(path(realm, userId)), enabled });
}

export function useUnlinkRealmUserIdentity(realm: string, userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (alias: string) => apiFetch<RealmUserIdentityLink>(`${path(realm, userId)}/${segment(alias)}`, { method: "DELETE" }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: key(realm, userId) }),
  });
}
