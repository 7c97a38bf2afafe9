// Table cells every subscriptions table in the console shows the same way.
import type { Subscription } from "@/lib/client/api-types";

export function SubscriptionScopeCell({ subscription }: { subscription: Subscription }) {
  return <td>{subscription.product?.name ?? (subscription.api ? `API: ${subscription.api.name}` : "—")}</td>;
}

export function SubscriptionOwnerCell({ subscription }: { subscription: Subscription }) {
  return (
    <td>
      {subscription.user ? (
        <>
          {subscription.user.name}
          <span className="cell-sub">{subscription.user.email}</span>
        </>
      ) : (
        <span className="muted">—</span>
      )}
    </td>
  );
}
