"use client";
// Rejecting asks for the reason first: the API refuses a rejection without one, and the
// developer reads it next to the "rejected" badge in the portal.
import type { FormEvent } from "react";
import type { Subscription } from "@/lib/client/api-types";
import { formText } from "@/components/form-data";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { changeSubscriptionStateInputSchema } from "@/lib/subscriptions/subscription-schemas";

type Props = { subscription: Subscription; busy: boolean; onReject: (reason: string) => void; onCancel: () => void };

export function RejectRequestForm({ subscription, busy, onReject, onCancel }: Props) {
  const request = useRequestCheck(changeSubscriptionStateInputSchema);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const reason = formText(e.currentTarget, "reason");
    if (request.check({ state: "rejected", comment: reason })) onReject(reason);
  }
  return (
    <form className="form" onSubmit={onSubmit} aria-label={`Reject ${subscription.name}`}>
      <Input label="Reason" name="reason" required autoFocus maxLength={2000} hint="Shown to the developer." />
      <FormFooter submitLabel="Confirm rejection" size="sm" variant="danger" busy={busy} error={request.problem}>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </FormFooter>
    </form>
  );
}
