// IAM realms: the list, one realm, and its roles, users, clients (secrets answered once) and keys.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreatedRealm,
  CreatedRealmClient,
  CreateRealmClientRequest,
  CreateRealmRequest,
  CreateRealmRoleRequest,
  CreateRealmUserRequest,
  ListResponse,
  Realm,
  RealmClient,
  RealmPage,
  RealmRole,
  RealmSigningKey,
  RealmUser,
  RotatedClientSecret,
} from "@/lib/client/api-types";
import { apiFetch, jsonBody, segment } from "./api-client";
import { queryKeys } from "./query-keys";

const base = (realm: string) => `/api/v1/realms/${segment(realm)}`;

export function useRealms() {
  return useQuery({ queryKey: queryKeys.realms.list(), queryFn: () => apiFetch<RealmPage>("/api/v1/realms?limit=200") });
}

export function useRealm(name: string) {
  return useQuery({ queryKey: queryKeys.realms.detail(name), queryFn: () => apiFetch<Realm>(base(name)) });
}

function useRealmPart<T>(name: string, part: "roles" | "users" | "clients" | "keys") {
  return useQuery({ queryKey: queryKeys.realms.part(name, part), queryFn: () => apiFetch<ListResponse<T>>(`${base(name)}/${part}`) });
}

/** The first 200 roles by name (the largest page), for pickers; the roles card pages (use-realm-directory.ts). */
export function useRealmRoles(name: string) {
  return useQuery({ queryKey: queryKeys.realms.part(name, "roles"), queryFn: () => apiFetch<ListResponse<RealmRole>>(`${base(name)}/roles?limit=200`) });
}
export const useRealmUsers = (name: string) => useRealmPart<RealmUser>(name, "users");
export const useRealmClients = (name: string) => useRealmPart<RealmClient>(name, "clients");
export const useRealmKeys = (name: string) => useRealmPart<RealmSigningKey>(name, "keys");

export function useCreateRealm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRealmRequest) => apiFetch<CreatedRealm>("/api/v1/realms", jsonBody("POST", body)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.realms.all }),
  });
}

/** A POST under the realm that refreshes the realm's cached parts afterwards. */
function useRealmPost<Body, Answer>(name: string, path: (body: Body) => string, withBody = true) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => apiFetch<Answer>(`${base(name)}/${path(body)}`, withBody ? jsonBody("POST", body) : { method: "POST" }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.realms.detail(name) }),
  });
}

export const useCreateRealmRole = (name: string) => useRealmPost<CreateRealmRoleRequest, RealmRole>(name, () => "roles");
export const useCreateRealmUser = (name: string) => useRealmPost<CreateRealmUserRequest, RealmUser>(name, () => "users");
export const useCreateRealmClient = (name: string) => useRealmPost<CreateRealmClientRequest, CreatedRealmClient>(name, () => "clients");
export const useRotateClientSecret = (name: string) =>
  useRealmPost<string, RotatedClientSecret>(name, (clientId) => `clients/${segment(clientId)}/rotate-secret`, false);
export const useRotateRealmKeys = (name: string) => useRealmPost<void, ListResponse<RealmSigningKey>>(name, () => "keys/rotate", false);
