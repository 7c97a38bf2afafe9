"use client";
// Developers may give up their own subscription (or withdraw a pending request);
// it asks once, because a cancelled subscription cannot be reactivated.
import { useState } from "react";
import type { Subscription } from "@/lib/client/api-types";
import { Button } from "@/components/ui/button";
import { ErrorBanner } from "@/components/ui/error-banner";
import { useChangeSubscriptionState } from "@/lib/client/use-subscriptions";

export function CancelSubscriptionButton({ subscription }: { subscription: Subscription }) {
  const [confirming, setConfirming] = useState(false);
  const cancel = useChangeSubscriptionState();
  const label = subscription.state === "submitted" ? "Withdraw request" : "Cancel subscription";
  return (
    <div className="form-actions">
      {confirming ? (
        <>
          <Button variant="danger" size="sm" busy={cancel.isPending} onClick={() => cancel.mutate({ id: subscription.id, state: "cancelled" })}>
            Yes, {label.toLowerCase()}
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
        </>
      ) : (
        <Button variant="ghost" size="sm" onClick={() => setConfirming(true)}>
          {label}
        </Button>
      )}
      <ErrorBanner error={cancel.error} title="Could not cancel" />
    </div>
  );
}
