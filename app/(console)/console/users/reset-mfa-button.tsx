"use client";
// Removes a user's second factors after they lost their device (audited as mfa.reset).
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { useResetUserMfa } from "@/lib/client/use-mfa";

export function ResetMfaButton({ user }: { user: { id: string; email: string } }) {
  const reset = useResetUserMfa();
  const done = reset.isSuccess ? ` (${reset.data.removedFactors} removed)` : "";
  return (
    <ConfirmButton
      size="sm"
      variant="ghost"
      busy={reset.isPending}
      aria-label={`Reset second factors of ${user.email}`}
      title={reset.error instanceof Error ? reset.error.message : "Remove every second factor and recovery code (lost device)"}
      confirm={{
        title: `Reset the second factors of ${user.email}?`,
        body: "Every second factor and recovery code of theirs is removed: they sign in with the password alone until they enrol again (or must enrol at once where the workspace requires it).",
        wayBack: "There is no way back: they enrol their devices again.",
        confirmLabel: "Reset MFA",
      }}
      onConfirm={() => reset.mutate(user.id)}
    >
      {`Reset MFA${done}`}
    </ConfirmButton>
  );
}
