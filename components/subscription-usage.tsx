"use client";
// A subscription's limits in force and how much of each is used right now, as
// the gateways count them (GET /api/v1/subscriptions/{id}/usage): one group per
// scope that sets limits (the product, each API, an operation, a workspace default).
// Shared by the console and the portal (a developer reads their own subscription's).
import type { LimitUsage } from "@/lib/client/api-types";
import { formatBytes, formatCount, formatDateTime } from "@/components/format";
import { ErrorBanner } from "@/components/ui/error-banner";
import { useSubscriptionUsage } from "@/lib/client/use-subscriptions";

type QuotaCounter = NonNullable<NonNullable<LimitUsage["quota"]>["calls"]>;

const countedBy = (key: LimitUsage["countedBy"]) =>
  key.by === "claim" ? `JWT claim ${key.claim}` : key.by === "header" ? `header ${key.header}` : key.by === "ip" ? "client IP" : "subscription";

/** "The product", "API Orders", "API Orders, GET /orders/{id}", "Workspace default, API Orders". */
function setBy(group: LimitUsage): string {
  if (group.scope === "product") return "The product (all its APIs together)";
  const api = `API ${group.api?.name ?? "?"}`;
  if (group.scope === "operation") return `${api}, ${group.operation}`;
  return group.scope === "workspace" ? `Workspace default, ${api}` : api;
}

function quotaLine(counter: QuotaCounter, format: (n: number) => string) {
  const used = counter.used === null ? "not counted per subscription" : `${format(counter.used)} of ${format(counter.limit)} used`;
  return `${used} · resets ${counter.resetsAt ? formatDateTime(counter.resetsAt) : "with the first call of a new period"}`;
}

function compactLine({ rate, quota }: LimitUsage): string {
  return [
    rate && `${rate.remaining ?? "?"}/${formatCount(rate.limit)} left per ${rate.periodSeconds} s`,
    quota?.calls && `${quota.calls.used ?? "?"}/${formatCount(quota.calls.limit)} calls this ${quota.period}`,
    quota?.bytes && `${quota.bytes.used === null ? "?" : formatBytes(quota.bytes.used)}/${formatBytes(quota.bytes.limit)} this ${quota.period}`,
  ]
    .filter(Boolean)
    .join(" · ");
}

function GroupDetails({ group }: { group: LimitUsage }) {
  const { rate, quota } = group;
  const per = quota?.rolling ? `rolling ${quota.period}` : quota?.period;
  return (
    <dl className="details" aria-label={setBy(group)}>
      <dt>Set by</dt>
      <dd>{setBy(group)}</dd>
      <dt>Counted per</dt>
      <dd>{countedBy(group.countedBy)}</dd>
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
            {quota.calls && <span className="cell-sub">Calls per {per}: {quotaLine(quota.calls, formatCount)}</span>}
            {quota.bytes && <span className="cell-sub">Response bytes per {per}: {quotaLine(quota.bytes, formatBytes)}</span>}
          </>
        ) : (
          "None"
        )}
      </dd>
    </dl>
  );
}

/** Every limit in force for one subscription; `compact` renders one line per scope for a table cell. */
export function SubscriptionUsagePanel({ subscriptionId, compact = false }: { subscriptionId: string; compact?: boolean }) {
  // A table holds many of these: its cells refresh every 30 s, a subscription's own page every 5 s.
  const usage = useSubscriptionUsage(subscriptionId, { refetchIntervalMs: compact ? 30_000 : 5000 });
  if (usage.isPending) return <span className="muted">Loading usage…</span>;
  if (usage.isError) return <ErrorBanner error={usage.error} title="Usage unavailable" />;
  const { limits } = usage.data;
  if (limits.length === 0) return <span className="muted">No limits: no scope sets a rate limit or quota for these calls.</span>;

  if (compact) {
    return (
      <>
        {limits.map((group) => (
          <span key={setBy(group)} className="cell-sub">
            {limits.length > 1 && `${setBy(group)}: `}
            {compactLine(group)}
          </span>
        ))}
      </>
    );
  }
  return (
    <div aria-label="Limits and usage">
      {limits.map((group) => (
        <GroupDetails key={setBy(group)} group={group} />
      ))}
    </div>
  );
}
