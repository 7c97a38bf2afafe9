// What a subscription to the product allows, in words a developer reads before subscribing.
import type { Product } from "@/components/api-types";

function quotaText(quota: NonNullable<Product["quota"]>): string {
  const parts = [
    quota.calls ? `${quota.calls.toLocaleString("en")} calls` : null,
    quota.bandwidthBytes ? `${Number((quota.bandwidthBytes / 1048576).toFixed(1))} MB` : null,
  ].filter(Boolean);
  return `${parts.join(" and ")} per ${quota.period}`;
}

export function ProductLimits({ product }: { product: Product }) {
  const lines = [
    product.rateLimit && `Rate limit: ${product.rateLimit.calls} calls per ${product.rateLimit.periodSeconds} s`,
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
