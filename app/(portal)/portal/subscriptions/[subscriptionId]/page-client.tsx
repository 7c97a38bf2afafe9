"use client";
// One of the developer's subscriptions: its state in words (and the administrator's reason),
// its keys, the limits in force with this period's usage, the APIs it opens, and cancelling it.
import Link from "next/link";
import { Fragment } from "react";
import { formatDateTime } from "@/components/format";
import { SubscriptionUsagePanel } from "@/components/subscription-usage";
import { StateBadge } from "@/components/ui/badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import type { SubscriptionDetail } from "@/lib/client/api-types";
import { useSubscription } from "@/lib/client/use-subscriptions";
import { CancelSubscriptionButton } from "../cancel-subscription-button";
import { SubscriptionKeyRows } from "../subscription-key-rows";
import { stateNames, SubscriptionStatus } from "../subscription-status";

const live = new Set(["submitted", "active", "suspended"]);

function TermsAccepted({ sub }: { sub: SubscriptionDetail }) {
  if (!sub.termsAcceptance) return <>None to accept</>;
  return (
    <>
      Accepted {formatDateTime(sub.termsAcceptance.acceptedAt)} (version <code>{sub.termsAcceptance.version.slice(0, 12)}</code>)
      {sub.acceptedTerms && (
        <details>
          <summary>Read the terms you accepted</summary>
          <p style={{ whiteSpace: "pre-wrap" }}>{sub.acceptedTerms}</p>
        </details>
      )}
    </>
  );
}

export function PortalSubscriptionClient({ initial, gatewayUrl }: { initial: SubscriptionDetail; gatewayUrl: string }) {
  const subscription = useSubscription(initial.id, { initialData: initial });
  const sub = subscription.data ?? initial;
  return (
    <>
      <Breadcrumbs trail={[{ label: "My subscriptions", href: "/portal/subscriptions" }]} current={sub.name} />
      <PageHeader
        title={sub.name}
        description={sub.product ? `Product: ${sub.product.name}` : sub.api ? `API: ${sub.api.name}` : undefined}
        actions={<StateBadge state={sub.state} />}
      />
      <ErrorBanner error={subscription.error} title="Could not refresh the subscription" />
      <Card title="Status" id="subscription-status">
        <dl className="details">
          <dt>State</dt>
          <dd data-testid="subscription-state">{stateNames[sub.state]}</dd>
          <dt>Created</dt>
          <dd>{formatDateTime(sub.createdAt)}</dd>
          <dt>Expires</dt>
          <dd>{sub.expiresAt ? formatDateTime(sub.expiresAt) : "Never"}</dd>
          <dt>Terms</dt>
          <dd>
            <TermsAccepted sub={sub} />
          </dd>
        </dl>
        <SubscriptionStatus subscription={sub} />
        {live.has(sub.state) && <CancelSubscriptionButton subscription={sub} />}
      </Card>
      {live.has(sub.state) && (
        <Card title="Keys" id="subscription-keys">
          <SubscriptionKeyRows subscription={sub} apiId={sub.apis[0]?.id} />
        </Card>
      )}
      <Card title="Limits and usage this period" id="subscription-limits" actions={<Link href={`/portal/usage?subscriptionId=${encodeURIComponent(sub.id)}`}>Charts in My usage</Link>}>
        <SubscriptionUsagePanel subscriptionId={sub.id} />
      </Card>
      <Card title="APIs it opens" id="subscription-apis">
        {sub.apis.length === 0 ? (
          <p className="muted">No APIs: the product holds none at the moment.</p>
        ) : (
          // A name (its portal page) and its address on the gateway, each on its own: a link alone in its cell.
          <dl className="details">
            {sub.apis.map((api) => (
              <Fragment key={api.id}>
                <dt>
                  <Link href={`/portal/apis/${encodeURIComponent(api.id)}`}>{api.name}</Link>
                </dt>
                <dd>
                  <code>
                    {gatewayUrl}/{api.gatewayPath}
                  </code>
                </dd>
              </Fragment>
            ))}
          </dl>
        )}
      </Card>
    </>
  );
}
