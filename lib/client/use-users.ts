// Console users: the list, creation, and changes (role, disabled, unlock).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ConsoleUser, CreateUserRequest, UpdateUserRequest } from "@/lib/client/api-types";
import { apiFetch, jsonBody, segment } from "./api-client";
import { queryKeys, type UserFilters } from "./query-keys";
import { usePagedList } from "./use-paged-list";

/** A page of users at a time, by email, filtered and searched on the server. */
export function useUsers(filters: UserFilters = {}) {
  return usePagedList<ConsoleUser>(queryKeys.users.list(filters), "/api/v1/users", filters);
}

export function useUser(userId: string) {
  return useQuery({ queryKey: queryKeys.users.detail(userId), queryFn: () => apiFetch<ConsoleUser>(`/api/v1/users/${segment(userId)}`) });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => apiFetch<ConsoleUser>("/api/v1/users", jsonBody("POST", body)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserRequest }) =>
      apiFetch<ConsoleUser>(`/api/v1/users/${segment(id)}`, jsonBody("PATCH", body)),
    // Also after a refusal: the role select shows the stored role again, not the refused choice.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}
