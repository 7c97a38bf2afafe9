"use client";
// What an admin may do to another console user, the same in the users table and on the user's
// page: approve a portal sign-up, disable (asks first) or enable, unlock after failed sign-ins, reset second factors.
import type { ConsoleUser } from "@/lib/client/api-types";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { ErrorBanner } from "@/components/ui/error-banner";
import { useUpdateUser } from "@/lib/client/use-users";
import { ApproveUserButton } from "./approve-user-button";
import { ResetMfaButton } from "./reset-mfa-button";

export function UserActions({ user, currentUserId }: { user: ConsoleUser; currentUserId: string }) {
  const updateUser = useUpdateUser();
  const busy = updateUser.isPending;
  const self = user.id === currentUserId;
  return (
    <>
      {user.awaitingApproval && <ApproveUserButton user={user} />}
      {!self &&
        (user.disabled ? (
          <Button size="sm" variant="secondary" busy={busy} aria-label={`Enable ${user.email}`} onClick={() => updateUser.mutate({ id: user.id, body: { disabled: false } })}>
            Enable
          </Button>
        ) : (
          <ConfirmButton
            size="sm"
            variant="danger"
            busy={busy}
            aria-label={`Disable ${user.email}`}
            confirm={{
              title: `Disable ${user.email}?`,
              body: "They can no longer sign in to the console or the portal, and their sessions end.",
              wayBack: "You can enable them again at any time; nothing of theirs is deleted.",
              confirmLabel: "Disable user",
            }}
            onConfirm={() => updateUser.mutate({ id: user.id, body: { disabled: true } })}
          >
            Disable
          </ConfirmButton>
        ))}
      {(user.locked || user.failedLoginAttempts > 0) && (
        <Button size="sm" variant="secondary" busy={busy} aria-label={`Unlock ${user.email}`} onClick={() => updateUser.mutate({ id: user.id, body: { unlock: true } })}>
          {user.locked ? "Unlock" : "Reset failures"}
        </Button>
      )}
      {!self && <ResetMfaButton user={user} />}
      <ErrorBanner error={updateUser.error} title={`Could not change ${user.email}`} />
    </>
  );
}
