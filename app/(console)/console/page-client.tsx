"use client";
// Dashboard counts come from the same list endpoints the other pages use, so the
// numbers always agree with what the tables show (and react-query shares the cache).
import Link from "next/link";
import type { SubscriptionState } from "@/lib/client/api-types";
import { StateBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { useApis } from "@/lib/client/use-apis";
import { useProducts } from "@/lib/client/use-products";
import { useSubscriptions } from "@/lib/client/use-subscriptions";

const subscriptionStates: SubscriptionState[] = ["submitted", "active", "suspended", "rejected", "cancelled", "expired"];

function countBy<T>(items: T[] | undefined, pick: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items ?? []) counts[pick(item)] = (counts[pick(item)] ?? 0) + 1;
  return counts;
}

function Stat({ label, value, href }: { label: string; value: number | undefined; href: string }) {
  return (
    <Link href={href} className="stat">
      <span className="stat-value">{value ?? "…"}</span>
      <span className="stat-label">{label}</span>
    </Link>
  );
}

export function DashboardClient({ userName }: { userName: string }) {
  const apis = useApis();
  const products = useProducts();
  const subscriptions = useSubscriptions();

  const byState = countBy(subscriptions.data?.items, (s) => s.state);
  const publishedProducts = products.data?.items.filter((p) => p.state === "published").length;

  return (
    <>
      <PageHeader title="Dashboard" description={`Welcome back, ${userName}.`} />
      <ErrorBanner error={apis.error ?? products.error ?? subscriptions.error} />
      <div className="stats">
        <Stat label="APIs" value={apis.data?.items.length} href="/console/apis" />
        <Stat label="Products" value={products.data?.items.length} href="/console/products" />
        <Stat label="Published products" value={publishedProducts} href="/console/products" />
        <Stat label="Subscriptions" value={subscriptions.data?.items.length} href="/console/subscriptions" />
      </div>
      <Card title="Subscriptions by state">
        <dl className="state-counts">
          {subscriptionStates.map((state) => (
            <div key={state} className="state-count">
              <dt>
                <StateBadge state={state} />
              </dt>
              <dd>{subscriptions.data ? (byState[state] ?? 0) : "…"}</dd>
            </div>
          ))}
        </dl>
        {(byState.submitted ?? 0) > 0 && (
          <p className="muted">
            <Link href="/console/subscriptions">Review {byState.submitted} submitted subscription(s)</Link> waiting for approval.
          </p>
        )}
      </Card>
    </>
  );
}
