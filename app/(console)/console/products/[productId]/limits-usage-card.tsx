"use client";
// The product's limits as the gateways enforce them for each subscription, and
// each live subscription's current usage.
import Link from "next/link";
import type { Product } from "@/lib/client/api-types";
import { formatBytes, formatCount } from "@/components/format";
import { SubscriptionUsagePanel } from "@/components/console/subscription-usage";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Table } from "@/components/ui/table";
import { useSubscriptions } from "@/lib/client/use-subscriptions";
import { LoadMore } from "@/components/ui/load-more";

function describeLimits(product: Product): string[] {
  const lines: string[] = [];
  if (product.rateLimit) lines.push(`Rate limit: ${formatCount(product.rateLimit.calls)} calls per ${product.rateLimit.periodSeconds} s (sliding window)`);
  if (product.quota) {
    const parts = [product.quota.calls && `${formatCount(product.quota.calls)} calls`, product.quota.bandwidthBytes && formatBytes(product.quota.bandwidthBytes)].filter(Boolean);
    lines.push(`Quota: ${parts.join(" and ")} per UTC ${product.quota.period}`);
  }
  if (product.policy.quotaExceededStatus === 403) lines.push("A used-up quota is answered 403 quota_exceeded");
  return lines;
}

export function LimitsUsageCard({ product }: { product: Product }) {
  const subscriptions = useSubscriptions({ productId: product.id, state: "active" });
  const limits = describeLimits(product);
  const items = subscriptions.items;
  return (
    <Card title="Limits in force and usage">
      {limits.length === 0 ? (
        <p className="muted">The product sets no rate limit or quota: its subscribers are limited only by their APIs&apos; own limits and workspace defaults.</p>
      ) : (
        <ul aria-label="Limits in force">
          {limits.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <ErrorBanner error={subscriptions.error} />
      <Table
        caption="Limits in force and usage by active subscription (the product's, each API's and workspace defaults)"
        columns={["Subscription", "Usage now"]}
        loading={subscriptions.isPending && "Loading subscriptions…"}
        empty={subscriptions.isSuccess && items.length === 0 && "No active subscriptions."}
      >
        {items.map((sub) => (
          <tr key={sub.id}>
            <td className="strong">
              <Link href={`/console/subscriptions/${encodeURIComponent(sub.id)}`}>{sub.name}</Link>
              {sub.user && <span className="cell-sub">{sub.user.email}</span>}
            </td>
            <td>
              <SubscriptionUsagePanel subscriptionId={sub.id} compact />
            </td>
          </tr>
        ))}
      </Table>
      <LoadMore list={subscriptions} />
    </Card>
  );
}
