"use client";
// Dashboard counts come from the same list endpoints the other pages use, so the
// numbers always agree with what the tables show (and react-query shares the cache).
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api-client";
import type { Api, ListResponse, Product, Subscription, SubscriptionState } from "@/components/api-types";
import { StateBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { queryKeys } from "@/components/query-keys";

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
  const apis = useQuery({ queryKey: queryKeys.apis, queryFn: () => apiFetch<ListResponse<Api>>("/api/v1/apis") });
  const products = useQuery({ queryKey: queryKeys.products, queryFn: () => apiFetch<ListResponse<Product>>("/api/v1/products") });
  const subscriptions = useQuery({
    queryKey: queryKeys.subscriptions,
    queryFn: () => apiFetch<ListResponse<Subscription>>("/api/v1/subscriptions"),
  });

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
