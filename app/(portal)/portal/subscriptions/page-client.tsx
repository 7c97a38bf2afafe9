"use client";
import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { StateBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { useProducts } from "@/lib/client/use-products";
import { useSubscriptions } from "@/lib/client/use-subscriptions";
import { CancelSubscriptionButton } from "./cancel-subscription-button";
import { SubscriptionKeysPanel } from "./subscription-keys-panel";
import { SubscriptionStatus } from "./subscription-status";

const cancellable = new Set(["submitted", "active", "suspended"]);

type Props = { gatewayUrl: string; onlyOwnedBy?: string };

export function MySubscriptionsClient({ gatewayUrl, onlyOwnedBy }: Props) {
  // The server filters by owner (and gives developers only their own anyway).
  const subscriptions = useSubscriptions({ userId: onlyOwnedBy });
  // Products tell which API paths a subscription opens, for the example call.
  const products = useProducts();
  const apiPathsByProduct = new Map((products.data?.items ?? []).map((p) => [p.id, p.apis.map((a) => a.gatewayPath)]));

  const mine = subscriptions.data?.items ?? [];

  return (
    <>
      <PageHeader title="My subscriptions" description="Your keys for calling APIs through the gateway." />
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
          <Card key={sub.id} as="article" id={`subscription-${sub.id}`} title={sub.name} actions={<StateBadge state={sub.state} />}>
            <p className="muted">
              {sub.product ? `Product: ${sub.product.name}` : sub.api ? `API: ${sub.api.name}` : "All APIs"} · created{" "}
              {formatDateTime(sub.createdAt)}
              {sub.expiresAt && ` · expires ${formatDateTime(sub.expiresAt)}`}
            </p>
            <SubscriptionStatus subscription={sub} />
            <SubscriptionKeysPanel
              subscription={sub}
              gatewayUrl={gatewayUrl}
              apiPath={sub.api?.gatewayPath ?? (sub.product && apiPathsByProduct.get(sub.product.id)?.[0]) ?? undefined}
            />
            {cancellable.has(sub.state) && <CancelSubscriptionButton subscription={sub} />}
          </Card>
        ))}
      </div>
    </>
  );
}
