"use client";
// One product's subscribers or one user's subscriptions: a card with the server's search and
// state filter, each name linking to its subscription, and the usage the gateways count now
// for live ones (polled less often than on a subscription's own page: a page holds many).
import { useState, type ReactNode } from "react";
import type { SubscriptionState } from "@/lib/client/api-types";
import { formatDateTime } from "@/components/format";
import { StateBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { ListFilters } from "@/components/ui/list-filters";
import { LoadMore } from "@/components/ui/load-more";
import { Table } from "@/components/ui/table";
import { useSubscriptions } from "@/lib/client/use-subscriptions";
import type { SubscriptionFilters } from "@/lib/client/query-keys";
import { SubscriptionNameCell, SubscriptionOwnerCell, SubscriptionScopeCell } from "./subscription-cells";
import { SubscriptionUsagePanel } from "@/components/subscription-usage";

const states: SubscriptionState[] = ["submitted", "active", "suspended", "rejected", "cancelled", "expired"];

type Props = {
  title: string;
  /** What the card is about: `{ productId }` or `{ userId }`. */
  scope: Pick<SubscriptionFilters, "productId" | "userId" | "apiId">;
  /** The owner column on a product's page, the product/API column on a user's page. */
  show: "owner" | "scope";
  /** Shown above the list (a product's limits in force). */
  intro?: ReactNode;
};

export function SubscriptionsCard({ title, scope, show, intro }: Props) {
  const [state, setState] = useState<SubscriptionState | "">("");
  const [search, setSearch] = useState<string | undefined>();
  const subscriptions = useSubscriptions({ ...scope, state: state || undefined, search });
  const items = subscriptions.items;
  const columns = ["Subscription", show === "owner" ? "Owner" : "Product / API", "State", "Created", "Usage now"];
  return (
    <Card
      title={title}
      actions={
        <ListFilters
          search={{ label: `Search ${title.toLowerCase()}`, placeholder: "Name", onSearch: setSearch }}
          choice={{ label: "State", anyLabel: "Any state", options: states, value: state, onChange: setState }}
        />
      }
    >
      {intro}
      <ErrorBanner error={subscriptions.error} />
      <Table
        caption={title}
        columns={columns}
        loading={subscriptions.isPending && "Loading subscriptions…"}
        empty={subscriptions.isSuccess && items.length === 0 && <>None{state && ` in state ${state}`}{search && ` matching “${search}”`}.</>}
      >
        {items.map((sub) => (
          <tr key={sub.id}>
            <SubscriptionNameCell subscription={sub} />
            {show === "owner" ? <SubscriptionOwnerCell subscription={sub} /> : <SubscriptionScopeCell subscription={sub} />}
            <td>
              <StateBadge state={sub.state} />
              {sub.stateComment && <span className="cell-sub">{sub.stateComment}</span>}
            </td>
            <td>{formatDateTime(sub.createdAt)}</td>
            <td>{sub.state === "active" ? <SubscriptionUsagePanel subscriptionId={sub.id} compact /> : <span className="muted">Not live</span>}</td>
          </tr>
        ))}
      </Table>
      <LoadMore list={subscriptions} />
    </Card>
  );
}
