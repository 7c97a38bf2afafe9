"use client";
// Developers may give up their own subscription (or withdraw a pending request);
// it asks once, because a cancelled subscription cannot be reactivated.
import type { Subscription } from "@/lib/client/api-types";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { ErrorBanner } from "@/components/ui/error-banner";
import { useChangeSubscriptionState } from "@/lib/client/use-subscriptions";

export function CancelSubscriptionButton({ subscription }: { subscription: Subscription }) {
  const cancel = useChangeSubscriptionState();
  const label = subscription.state === "submitted" ? "Withdraw request" : "Cancel subscription";
  return (
    <div className="form-actions">
      <ConfirmButton
        variant="ghost"
        size="sm"
        busy={cancel.isPending}
        confirm={{
          title: `${label}: ${subscription.name}?`,
          body:
            subscription.state === "submitted"
              ? "Your request is withdrawn; the administrators no longer see it."
              : "Its keys stop working at once: every call sending them is refused by the gateway.",
          wayBack: "There is no way back: subscribe again to get access (and new keys).",
          confirmLabel: `Yes, ${label.toLowerCase()}`,
        }}
        onConfirm={() => cancel.mutate({ id: subscription.id, state: "cancelled" })}
      >
        {label}
      </ConfirmButton>
      <ErrorBanner error={cancel.error} title="Could not cancel" />
    </div>
  );
}
