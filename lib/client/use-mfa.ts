// One's own second factors (/api/v1/me/mfa): the status, TOTP and passkey enrolment, removal,
// and new recovery codes. Shapes come from lib/iam/mfa/mfa-schemas.ts.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { confirmedFactorSchema, mfaStatusSchema, recoveryCodesSchema, totpEnrolmentSchema } from "@/lib/iam/mfa/mfa-schemas";
import { apiFetch, jsonBody, segment } from "./api-client";

export type MfaStatus = z.infer<typeof mfaStatusSchema>;
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;
export type ConfirmedFactor = z.infer<typeof confirmedFactorSchema>;
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

const mfaKey = ["me", "mfa"] as const;

export function useMfaStatus() {
  return useQuery({ queryKey: mfaKey, queryFn: () => apiFetch<MfaStatus>("/api/v1/me/mfa") });
}

function useMfaMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => void queryClient.invalidateQueries({ queryKey: mfaKey }) });
}

export const useStartTotp = () => useMfaMutation(() => apiFetch<TotpEnrolment>("/api/v1/me/mfa/totp", { method: "POST" }));

export const useConfirmTotp = () =>
  useMfaMutation(({ factorId, code }: { factorId: string; code: string }) =>
    apiFetch<ConfirmedFactor>(`/api/v1/me/mfa/totp/${segment(factorId)}/confirm`, jsonBody("POST", { code })),
  );

/** Registration options, the browser ceremony (passed in, so this file stays free of browser APIs), and the verify call. */
export const useRegisterPasskey = () =>
  useMfaMutation(async (ceremony: (options: Record<string, unknown>) => Promise<unknown>) => {
    const options = await apiFetch<Record<string, unknown>>("/api/v1/me/mfa/passkeys/options", { method: "POST" });
    return apiFetch<ConfirmedFactor>("/api/v1/me/mfa/passkeys", jsonBody("POST", { response: await ceremony(options) }));
  });

export const useDeleteFactor = () =>
  useMfaMutation((factorId: string) => apiFetch<void>(`/api/v1/me/mfa/factors/${segment(factorId)}`, { method: "DELETE" }));

export const useRegenerateRecoveryCodes = () => useMfaMutation(() => apiFetch<RecoveryCodes>("/api/v1/me/mfa/recovery-codes", { method: "POST" }));

/** An admin's reset of someone's factors (lost device): POST /users/{id}/mfa/reset. */
export const useResetUserMfa = () =>
  useMutation({
    mutationFn: (userId: string) =>
      apiFetch<{ removedFactors: number; removedRecoveryCodes: number }>(`/api/v1/users/${segment(userId)}/mfa/reset`, { method: "POST" }),
  });
