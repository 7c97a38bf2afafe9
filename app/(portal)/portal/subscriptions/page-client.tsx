"use client";
import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { StateBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { LoadMore } from "@/components/ui/load-more";
import type { Subscription } from "@/lib/client/api-types";
import { useProduct } from "@/lib/client/use-products";
import { useSubscriptions } from "@/lib/client/use-subscriptions";
import { CancelSubscriptionButton } from "./cancel-subscription-button";
import { SubscriptionKeysPanel } from "./subscription-keys-panel";
import { SubscriptionStatus } from "./subscription-status";

const cancellable = new Set(["submitted", "active", "suspended"]);

/** The example call needs an API: a product subscription's comes from its product (cached per product). */
function KeysPanelWithExample({ subscription }: { subscription: Subscription }) {
  const productId = subscription.api ? undefined : subscription.product?.id;
  const product = useProduct(productId ?? "", { enabled: Boolean(productId) });
  const apiId = subscription.api?.id ?? product.data?.apis[0]?.id;
  return <SubscriptionKeysPanel subscription={subscription} apiId={apiId} />;
}

type Props = { gatewayUrl: string; onlyOwnedBy?: string };

export function MySubscriptionsClient({ gatewayUrl, onlyOwnedBy }: Props) {
  // The server filters by owner (and gives developers only their own anyway).
  const subscriptions = useSubscriptions({ userId: onlyOwnedBy });
  const mine = subscriptions.items;

  return (
    <>
      <PageHeader
        title="My subscriptions"
        description="Your keys for calling APIs through the gateway. Open one for its limits, usage and APIs."
        actions={
          <Link className="btn btn-secondary btn-sm" href="/portal/usage">
            My usage
          </Link>
        }
      />
      <div className="hint-box">
        <p>
          Gateway URL: <code data-testid="gateway-url">{gatewayUrl}</code>
        </p>
        <p className="muted">
          Send your key in the <code>Ocp-Apim-Subscription-Key</code> header (or the <code>subscription-key</code> query
          parameter) with every call.
        </p>
      </div>
      <ErrorBanner error={subscriptions.error} />
      {subscriptions.isPending && <p className="muted">Loading subscriptions…</p>}
      {subscriptions.isSuccess && mine.length === 0 && (
        <p className="muted">
          You have no subscriptions yet. <Link href="/portal">Browse the products</Link> to subscribe.
        </p>
      )}
      <div className="stack">
        {mine.map((sub) => (
          <Card
            key={sub.id}
            as="article"
            id={`subscription-${sub.id}`}
            title={<Link href={`/portal/subscriptions/${encodeURIComponent(sub.id)}`}>{sub.name}</Link>}
            actions={<StateBadge state={sub.state} />}
          >
            <p className="muted">
              {sub.product ? `Product: ${sub.product.name}` : sub.api ? `API: ${sub.api.name}` : "All APIs"} · created{" "}
              {formatDateTime(sub.createdAt)}
              {sub.expiresAt && ` · expires ${formatDateTime(sub.expiresAt)}`}
            </p>
            <SubscriptionStatus subscription={sub} />
            <KeysPanelWithExample subscription={sub} />
            {cancellable.has(sub.state) && <CancelSubscriptionButton subscription={sub} />}
          </Card>
        ))}
      </div>
      <LoadMore list={subscriptions} />
    </>
  );
}
