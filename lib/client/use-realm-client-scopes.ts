// A realm's client scopes in the console: the paged, searchable list, create, change, delete.
// Cached under the realm's detail key, so a change also refreshes the clients card (whose
// scope selectors list them).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ClientScopeResource, createClientScopeInputSchema, updateClientScopeInputSchema } from "@/lib/iam/realms/realm-client-scope-schemas";
import { apiFetch, jsonBody, segment } from "./api-client";
import { queryKeys } from "./query-keys";
import { usePagedList } from "./use-paged-list";

export type RealmClientScope = ClientScopeResource;
export type CreateClientScopeRequest = z.input<typeof createClientScopeInputSchema>;
export type UpdateClientScopeRequest = z.input<typeof updateClientScopeInputSchema>;

const path = (realm: string) => `/api/v1/realms/${segment(realm)}/client-scopes`;
const key = (realm: string) => [...queryKeys.realms.detail(realm), "client-scopes"] as const;

export function useRealmClientScopePage(realm: string, search: string | undefined, options: { pageSize?: number } = {}) {
  return usePagedList<RealmClientScope>([...key(realm), "paged", search ?? "", options.pageSize ?? 0], path(realm), { search }, options);
}

/** The largest page the server answers (MAX_PAGE_SIZE in lib/http/cursor-page.ts, server-side). */
const CHOICES_PAGE_SIZE = 200;

/** For the client form's selectors: as many as one page holds, the rest with "Load more". */
export const useRealmClientScopeChoices = (realm: string) => useRealmClientScopePage(realm, undefined, { pageSize: CHOICES_PAGE_SIZE });

function useScopeMutation<Vars, Answer>(realm: string, request: (vars: Vars) => Promise<Answer>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.realms.detail(realm) }) });
}

export const useCreateClientScope = (realm: string) =>
  useScopeMutation(realm, (body: CreateClientScopeRequest) => apiFetch<RealmClientScope>(path(realm), jsonBody("POST", body)));

export const useUpdateClientScope = (realm: string) =>
  useScopeMutation(realm, ({ name, body }: { name: string; body: UpdateClientScopeRequest }) => apiFetch<RealmClientScope>(`${path(realm)}/${segment(name)}`, jsonBody("PATCH", body)));

export const useDeleteClientScope = (realm: string) =>
  useScopeMutation(realm, (name: string) => apiFetch<RealmClientScope>(`${path(realm)}/${segment(name)}`, { method: "DELETE" }));
