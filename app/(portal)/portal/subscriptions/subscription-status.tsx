// The outcome of a subscription in words: why it is not active, and the reason an
// administrator gave (required when they reject a request). Never colour alone.
import type { Subscription } from "@/lib/client/api-types";
import { formatDateTime } from "@/components/format";

/** What each state is called where a sentence needs it ("State: Awaiting approval"). */
export const stateNames: Record<Subscription["state"], string> = {
  submitted: "Submitted, awaiting approval",
  active: "Active",
  suspended: "Suspended",
  rejected: "Rejected",
  cancelled: "Cancelled",
  expired: "Expired",
};

const explanations: Partial<Record<Subscription["state"], string>> = {
  submitted: "Awaiting approval by an administrator: the keys work once it is active.",
  active: "Active: the keys open its APIs at the gateway.",
  rejected: "Your request was rejected: these keys will never work.",
  suspended: "Suspended by an administrator: the keys are refused until it is reactivated.",
  cancelled: "Cancelled: the keys no longer work.",
};

export function SubscriptionStatus({ subscription }: { subscription: Subscription }) {
  const { state, stateComment, expiresAt } = subscription;
  const explanation =
    state === "expired" ? `Expired${expiresAt ? ` on ${formatDateTime(expiresAt)}` : ""}: the keys no longer work.` : explanations[state];
  const reasonLabel = state === "rejected" || state === "suspended" || state === "cancelled" ? "Reason" : "Comment";
  return (
    <>
      {explanation && <p>{explanation}</p>}
      {stateComment && (
        <p className="muted" data-testid="state-comment">
          {reasonLabel}: {stateComment}
        </p>
      )}
    </>
  );
}
