"use client";
// One subscription: who holds it, for what, its state, and the limits in force
// with their current usage (refreshed while the page is open).
import { EntityLink } from "@/components/console/entity-links";
import { AnalyticsPanel } from "@/components/analytics/analytics-panel";
import { formatDateTime } from "@/components/format";
import { SubscriptionUsagePanel } from "@/components/subscription-usage";
import { StateBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { useSubscription } from "@/lib/client/use-subscriptions";

export function SubscriptionDetailClient({ subscriptionId }: { subscriptionId: string }) {
  const subscription = useSubscription(subscriptionId);
  const back = (current?: string) => <Breadcrumbs trail={[{ label: "Subscriptions", href: "/console/subscriptions" }]} current={current} />;
  if (subscription.isPending) return <>{back()}<p className="muted">Loading subscription…</p></>;
  if (subscription.isError) return <>{back()}<PageHeader title="Subscription" /><ErrorBanner error={subscription.error} /></>;

  const sub = subscription.data;
  return (
    <>
      {back(sub.name)}
      <PageHeader title={sub.name} actions={<StateBadge state={sub.state} />} />
      <Card title="Details">
        <dl className="details">
          <dt>For</dt>
          <dd>
            {sub.product ? (
              <EntityLink kind="product" id={sub.product.id}>{sub.product.name}</EntityLink>
            ) : sub.api ? (
              <>
                API: <EntityLink kind="api" id={sub.api.id}>{sub.api.name}</EntityLink>
              </>
            ) : (
              "—"
            )}
          </dd>
          <dt>Owner</dt>
          <dd>{sub.user ? <EntityLink kind="user" id={sub.user.id}>{`${sub.user.name} (${sub.user.email})`}</EntityLink> : "—"}</dd>
          <dt>Created</dt>
          <dd>{formatDateTime(sub.createdAt)}</dd>
          <dt>Expires</dt>
          <dd>{sub.expiresAt ? formatDateTime(sub.expiresAt) : "Never"}</dd>
        </dl>
      </Card>
      <Card title="Limits and usage">
        <SubscriptionUsagePanel subscriptionId={sub.id} />
      </Card>
      <AnalyticsPanel fixed={{ subscriptionId }} top={{ dimension: "api", title: "Top APIs", column: "API" }} />
    </>
  );
}
