"use client";
// A subscription's limits in force and how much of each is used right now, as
// the gateways count them (GET /api/v1/subscriptions/{id}/usage).
import type { SubscriptionUsage } from "@/lib/client/api-types";
import { formatBytes, formatCount, formatDateTime } from "@/components/format";
import { ErrorBanner } from "@/components/ui/error-banner";
import { useSubscriptionUsage } from "@/lib/client/use-subscriptions";

type QuotaCounter = NonNullable<NonNullable<SubscriptionUsage["quota"]>["calls"]>;

const countedBy = (key: SubscriptionUsage["countedBy"]) =>
  key.by === "claim" ? `JWT claim ${key.claim}` : key.by === "header" ? `header ${key.header}` : key.by === "ip" ? "client IP" : "subscription";

function quotaLine(counter: QuotaCounter, format: (n: number) => string) {
  const used = counter.used === null ? "not counted per subscription" : `${format(counter.used)} of ${format(counter.limit)} used`;
  return `${used} · resets ${counter.resetsAt ? formatDateTime(counter.resetsAt) : "with the first call of a new period"}`;
}

/** "Limits" description list for one subscription; `compact` renders one line for a table cell. */
export function SubscriptionUsagePanel({ subscriptionId, compact = false }: { subscriptionId: string; compact?: boolean }) {
  const usage = useSubscriptionUsage(subscriptionId);
  if (usage.isPending) return <span className="muted">Loading usage…</span>;
  if (usage.isError) return <ErrorBanner error={usage.error} title="Usage unavailable" />;
  const { rate, quota } = usage.data;

  if (compact) {
    const parts = [
      rate && `${rate.remaining ?? "?"}/${formatCount(rate.limit)} left per ${rate.periodSeconds} s`,
      quota?.calls && `${quota.calls.used ?? "?"}/${formatCount(quota.calls.limit)} calls this ${quota.period}`,
      quota?.bytes && `${quota.bytes.used === null ? "?" : formatBytes(quota.bytes.used)}/${formatBytes(quota.bytes.limit)} this ${quota.period}`,
    ].filter(Boolean);
    return <span>{parts.length ? parts.join(" · ") : <span className="muted">No limits</span>}</span>;
  }

  return (
    <dl className="details" aria-label="Limits and usage">
      <dt>Counted per</dt>
      <dd>{countedBy(usage.data.countedBy)} ({usage.data.scope === "product" ? "the product's limits" : "the API's own limits"})</dd>
      <dt>Rate limit</dt>
      <dd>
        {rate
          ? `${formatCount(rate.limit)} calls per ${rate.periodSeconds} s · ${rate.remaining === null ? "not counted per subscription" : `${formatCount(rate.remaining)} left`}${rate.resetsAt ? ` · next slot ${formatDateTime(rate.resetsAt)}` : ""}`
          : "None"}
      </dd>
      <dt>Quota</dt>
      <dd>
        {quota ? (
          <>
            {quota.calls && <span className="cell-sub">Calls per {quota.rolling ? `rolling ${quota.period}` : quota.period}: {quotaLine(quota.calls, formatCount)}</span>}
            {quota.bytes && <span className="cell-sub">Response bytes per {quota.rolling ? `rolling ${quota.period}` : quota.period}: {quotaLine(quota.bytes, formatBytes)}</span>}
          </>
        ) : (
          "None"
        )}
      </dd>
    </dl>
  );
}
