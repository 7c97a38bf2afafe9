// Developer accounts of the portal: sign-up, one's own password and account, and the console's
// side (invitations, approving a sign-up).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ConsoleUser } from "@/lib/client/api-types";
import type { ChangePasswordInput, CreatedInvitation, CreateInvitationInput, SignUpInput, SignUpResult } from "@/lib/portal/accounts/portal-account-schemas";
import { apiFetch, jsonBody, segment } from "./api-client";
import { queryKeys } from "./query-keys";

export function useSignUp() {
  return useMutation({ mutationFn: (body: SignUpInput) => apiFetch<SignUpResult>("/api/v1/signup", jsonBody("POST", body)) });
}

export function useChangePassword() {
  return useMutation({ mutationFn: (body: ChangePasswordInput) => apiFetch<void>("/api/v1/me/password", jsonBody("POST", body)) });
}

export function useDeleteAccount() {
  return useMutation({ mutationFn: () => apiFetch<{ cancelledSubscriptions: number }>("/api/v1/me", jsonBody("DELETE", { confirm: true })) });
}

export function useCreateInvitation() {
  return useMutation({ mutationFn: (body: CreateInvitationInput) => apiFetch<CreatedInvitation>("/api/v1/invitations", jsonBody("POST", body)) });
}

export function useApproveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<ConsoleUser>(`/api/v1/users/${segment(id)}/approve`, { method: "POST" }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}
