"use client";
// Removes a user's second factors after they lost their device (audited as mfa.reset).
import { Button } from "@/components/ui/button";
import { useResetUserMfa } from "@/lib/client/use-mfa";

export function ResetMfaButton({ user }: { user: { id: string; email: string } }) {
  const reset = useResetUserMfa();
  const done = reset.isSuccess ? ` (${reset.data.removedFactors} removed)` : "";
  return (
    <Button
      size="sm"
      variant="ghost"
      busy={reset.isPending}
      aria-label={`Reset second factors of ${user.email}`}
      title={reset.error instanceof Error ? reset.error.message : "Remove every second factor and recovery code (lost device)"}
      onClick={() => {
        if (window.confirm(`Remove every second factor of ${user.email}? They sign in with the password alone until they enrol again.`)) reset.mutate(user.id);
      }}
    >
      {`Reset MFA${done}`}
    </Button>
  );
}
