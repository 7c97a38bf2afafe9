// A realm's active sessions in the console: the paged list (filtered by username or client),
// revoking one, and signing a user out everywhere. Cached under the realm's detail key, so a
// revocation refreshes the list.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RealmSession, RealmUserLogout } from "@/lib/client/api-types";
import { apiFetch, segment } from "./api-client";
import { queryKeys } from "./query-keys";
import { usePagedList } from "./use-paged-list";

const base = (realm: string) => `/api/v1/realms/${segment(realm)}`;
const sessionsKey = (realm: string) => [...queryKeys.realms.detail(realm), "sessions"] as const;

export function useRealmSessionPage(realm: string, filters: { username?: string; clientId?: string }) {
  return usePagedList<RealmSession>([...sessionsKey(realm), filters.username ?? "", filters.clientId ?? ""], `${base(realm)}/sessions`, filters);
}

function useSessionsMutation<Vars, Answer>(realm: string, request: (vars: Vars) => Promise<Answer>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSettled: () => void queryClient.invalidateQueries({ queryKey: sessionsKey(realm) }) });
}

export const useRevokeRealmSession = (realm: string) =>
  useSessionsMutation(realm, (sessionId: string) => apiFetch<void>(`${base(realm)}/sessions/${segment(sessionId)}`, { method: "DELETE" }));

export const useLogoutRealmUser = (realm: string) =>
  useSessionsMutation(realm, (userId: string) => apiFetch<RealmUserLogout>(`${base(realm)}/users/${segment(userId)}/logout`, { method: "POST" }));
