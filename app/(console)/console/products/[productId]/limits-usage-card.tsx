"use client";
// The product's subscribers: the limits the gateways enforce for each of them, and every
// subscription (any state, searchable) with its owner and its usage right now.
import type { Product } from "@/lib/client/api-types";
import { formatBytes, formatCount } from "@/components/format";
import { SubscriptionsCard } from "@/components/console/subscriptions-card";

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
  const limits = describeLimits(product);
  return (
    <SubscriptionsCard
      title="Subscribers"
      scope={{ productId: product.id }}
      show="owner"
      intro={
        limits.length === 0 ? (
          <p className="muted">The product sets no rate limit or quota: its subscribers are limited only by their APIs&apos; own limits and workspace defaults.</p>
        ) : (
          <ul aria-label="Limits in force">
            {limits.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )
      }
    />
  );
}
