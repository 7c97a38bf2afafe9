"use client";
// Dashboard counts come from COUNT queries on the server (lib/dashboard/count-catalogue.ts),
// so they stay instant with 100,000 subscriptions; the lists themselves page.
import Link from "next/link";
import type { SubscriptionState } from "@/lib/client/api-types";
import type { CatalogueCounts } from "@/lib/dashboard/count-catalogue";
import { StateBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

const subscriptionStates: SubscriptionState[] = ["submitted", "active", "suspended", "rejected", "cancelled", "expired"];

function Stat({ label, value, href }: { label: string; value: number; href: string }) {
  return (
    <Link href={href} className="stat">
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
    </Link>
  );
}

export function DashboardClient({ userName, counts }: { userName: string; counts: CatalogueCounts }) {
  const byState = counts.subscriptionsByState;
  return (
    <>
      <PageHeader title="Dashboard" description={`Welcome back, ${userName}.`} />
      <div className="stats">
        <Stat label="APIs" value={counts.apis} href="/console/apis" />
        <Stat label="Products" value={counts.products} href="/console/products" />
        <Stat label="Published products" value={counts.publishedProducts} href="/console/products" />
        <Stat label="Subscriptions" value={counts.subscriptions} href="/console/subscriptions" />
      </div>
      <Card title="Subscriptions by state">
        <dl className="state-counts">
          {subscriptionStates.map((state) => (
            <div key={state} className="state-count">
              <dt>
                <StateBadge state={state} />
              </dt>
              <dd>{byState[state]}</dd>
            </div>
          ))}
        </dl>
        {byState.submitted > 0 && (
          <p className="muted">
            <Link href="/console/subscriptions/approvals">Review {byState.submitted} submitted subscription(s)</Link> waiting for approval.
          </p>
        )}
      </Card>
    </>
  );
}
