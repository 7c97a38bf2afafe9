"use client";
// Developers may give up their own subscription (or withdraw a pending request);
// it asks once, because a cancelled subscription cannot be reactivated.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch, jsonBody } from "@/components/api-client";
import type { Subscription } from "@/components/api-types";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { ErrorBanner } from "@/components/ui/error-banner";

export function CancelSubscriptionButton({ subscription }: { subscription: Subscription }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation({
    mutationFn: () =>
      apiFetch<Subscription>(`/api/v1/subscriptions/${encodeURIComponent(subscription.id)}`, jsonBody("PATCH", { state: "cancelled" })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.subscriptions }),
  });
  const label = subscription.state === "submitted" ? "Withdraw request" : "Cancel subscription";
  return (
    <div className="form-actions">
      {confirming ? (
        <>
          <Button variant="danger" size="sm" busy={cancel.isPending} onClick={() => cancel.mutate()}>
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
