"use client";
// A developer who signed up while the portal's sign-up needs approval waits here until an admin
// lets them in (POST /users/{userId}/approve).
import type { ConsoleUser } from "@/lib/client/api-types";
import { Button } from "@/components/ui/button";
import { ErrorBanner } from "@/components/ui/error-banner";
import { useApproveUser } from "@/lib/client/use-portal-accounts";

export function ApproveUserButton({ user }: { user: ConsoleUser }) {
  const approve = useApproveUser();
  return (
    <>
      <Button size="sm" busy={approve.isPending} aria-label={`Approve ${user.email}`} onClick={() => approve.mutate(user.id)}>
        Approve
      </Button>
      <ErrorBanner error={approve.error} title={`Could not approve ${user.email}`} />
    </>
  );
}
