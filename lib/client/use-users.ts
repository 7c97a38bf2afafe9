// Console users: the list, creation, and changes (role, disabled, unlock).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ConsoleUser, CreateUserRequest, ListResponse, UpdateUserRequest } from "@/lib/client/api-types";
import { apiFetch, jsonBody, segment } from "./api-client";
import { queryKeys } from "./query-keys";

export function useUsers() {
  return useQuery({ queryKey: queryKeys.users.list(), queryFn: () => apiFetch<ListResponse<ConsoleUser>>("/api/v1/users") });
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
