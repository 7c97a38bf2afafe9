// The rest of a realm's administration in the console: settings, creating groups, changing users and
// clients, and the realm CA's client certificates (issue, paged list, revoke). Cached under the
// realm's detail key, so a change refreshes every card of the realm page.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateRealmGroupRequest,
  IssueClientCertificateRequest,
  IssuedClientCertificate,
  Realm,
  RealmCa,
  RealmClient,
  RealmClientCertificate,
  RealmGroup,
  RealmUser,
  UpdateRealmClientRequest,
  UpdateRealmRequest,
  UpdateRealmUserRequest,
} from "@/lib/client/api-types";
import { apiFetch, jsonBody, segment } from "./api-client";
import { queryKeys } from "./query-keys";
import { usePagedList } from "./use-paged-list";

const base = (realm: string) => `/api/v1/realms/${segment(realm)}`;

function useRealmMutation<Vars, Answer>(realm: string, request: (vars: Vars) => Promise<Answer>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.realms.detail(realm) }) });
}

export const useUpdateRealm = (realm: string) => useRealmMutation(realm, (body: UpdateRealmRequest) => apiFetch<Realm>(base(realm), jsonBody("PATCH", body)));

export const useCreateRealmGroup = (realm: string) =>
  useRealmMutation(realm, (body: CreateRealmGroupRequest) => apiFetch<RealmGroup>(`${base(realm)}/groups`, jsonBody("POST", body)));

export const useUpdateRealmUser = (realm: string) =>
  useRealmMutation(realm, ({ userId, body }: { userId: string; body: UpdateRealmUserRequest }) =>
    apiFetch<RealmUser>(`${base(realm)}/users/${segment(userId)}`, jsonBody("PATCH", body)),
  );

export const useUpdateRealmClient = (realm: string) =>
  useRealmMutation(realm, ({ clientId, body }: { clientId: string; body: UpdateRealmClientRequest }) =>
    apiFetch<RealmClient>(`${base(realm)}/clients/${segment(clientId)}`, jsonBody("PATCH", body)),
  );

const certificatesPath = (realm: string, clientId: string) => `${base(realm)}/clients/${segment(clientId)}/certificates`;

export function useClientCertificates(realm: string, clientId: string) {
  return usePagedList<RealmClientCertificate>([...queryKeys.realms.detail(realm), "certificates", clientId], certificatesPath(realm, clientId), {});
}

export const useIssueClientCertificate = (realm: string, clientId: string) =>
  useRealmMutation(realm, (body: IssueClientCertificateRequest) => apiFetch<IssuedClientCertificate>(certificatesPath(realm, clientId), jsonBody("POST", body)));

export const useRevokeClientCertificate = (realm: string, clientId: string) =>
  useRealmMutation(realm, (serialNumber: string) => apiFetch<RealmClientCertificate>(`${certificatesPath(realm, clientId)}/${segment(serialNumber)}/revoke`, { method: "POST" }));

/** 404 until the realm has issued a certificate or an API trusts it: then there is no CA to show. */
export function useRealmCa(realm: string) {
  return useQuery({ queryKey: [...queryKeys.realms.detail(realm), "certificate-authority"], queryFn: () => apiFetch<RealmCa>(`${base(realm)}/certificate-authority`), retry: false });
}

/** The realm's clients, paged on the server (by clientId), optionally filtered by part of the clientId. */
export function useRealmClientPage(realm: string, search: string | undefined) {
  return usePagedList<RealmClient>([...queryKeys.realms.part(realm, "clients"), "paged", search ?? ""], `${base(realm)}/clients`, { search });
}

/** The realm's users, paged on the server (by username), optionally filtered by part of the username or email. */
export function useRealmUserPage(realm: string, search: string | undefined) {
  return usePagedList<RealmUser>([...queryKeys.realms.part(realm, "users"), "paged", search ?? ""], `${base(realm)}/users`, { search });
}
