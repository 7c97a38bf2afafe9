// Table cells every subscriptions table in the console shows the same way: its name, the product
// or API it grants, and its owner, each linking to its page.
import type { Subscription } from "@/lib/client/api-types";
import { EntityLink } from "./entity-links";

export function SubscriptionNameCell({ subscription }: { subscription: Pick<Subscription, "id" | "name"> }) {
  return (
    <td className="strong">
      <EntityLink kind="subscription" id={subscription.id}>{subscription.name}</EntityLink>
    </td>
  );
}

export function SubscriptionScopeCell({ subscription }: { subscription: Subscription }) {
  const { product, api } = subscription;
  return (
    <td>
      {product ? (
        <EntityLink kind="product" id={product.id}>{product.name}</EntityLink>
      ) : api ? (
        <>
          API: <EntityLink kind="api" id={api.id}>{api.name}</EntityLink>
        </>
      ) : (
        "—"
      )}
    </td>
  );
}

export function SubscriptionOwnerCell({ subscription }: { subscription: Subscription }) {
  const { user } = subscription;
  return (
    <td>
      {user ? (
        <>
          <EntityLink kind="user" id={user.id}>{user.name || user.email}</EntityLink>
          <span className="cell-sub">{user.email}</span>
        </>
      ) : (
        <span className="muted">—</span>
      )}
    </td>
  );
}
