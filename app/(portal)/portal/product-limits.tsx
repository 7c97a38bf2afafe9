// What a subscription to the product allows, in words a developer reads before subscribing.
import type { Product } from "@/lib/client/api-types";
import { formatBytes, formatCount } from "@/components/format";

function quotaText(quota: NonNullable<Product["quota"]>): string {
  const parts = [
    quota.calls ? `${formatCount(quota.calls)} calls` : null,
    quota.bandwidthBytes ? formatBytes(quota.bandwidthBytes) : null,
  ].filter(Boolean);
  return `${parts.join(" and ")} per ${quota.period}`;
}

export function ProductLimits({ product }: { product: Product }) {
  const lines = [
    product.rateLimit && `Rate limit: ${formatCount(product.rateLimit.calls)} calls per ${product.rateLimit.periodSeconds} s`,
    product.quota && `Quota: ${quotaText(product.quota)}`,
    product.subscriptionsLimit && `Up to ${product.subscriptionsLimit} subscription(s) per developer`,
  ].filter((line): line is string => Boolean(line));
  if (lines.length === 0) return null;
  return (
    <ul className="api-list" aria-label="Limits">
      {lines.map((line) => (
        <li key={line} className="muted">
          {line}
        </li>
      ))}
    </ul>
  );
}
