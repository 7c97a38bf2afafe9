"use client";
// Whether the gateways enforce what the console shows: every acknowledged change is
// owed to them until stored in Redis; a failing publish is shown here until it recovers.
import type { ConfigDelivery } from "@/lib/client/api-types";
import { formatDateTime } from "@/components/format";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { useConfigDelivery } from "@/lib/client/use-config-delivery";

const statusTones: Record<ConfigDelivery["status"], BadgeTone> = { delivered: "success", pending: "warning", failing: "danger" };

const version = (v: number | null) => (v === null ? "unknown" : v === 0 ? "none" : `v${v}`);

export function GatewaysClient() {
  const delivery = useConfigDelivery();
  const data = delivery.data;
  return (
    <>
      <PageHeader
        title="Gateways"
        description="Configuration delivery: every change you make is published to the gateways through Redis."
        actions={data && <Badge tone={statusTones[data.status]}>{data.status}</Badge>}
      />
      <ErrorBanner error={delivery.error} />
      {data?.status === "failing" && (
        <div className="error-banner" role="alert">
          <p className="error-banner-message">
            <strong>Gateways are not receiving changes</strong> since {formatDateTime(data.pendingSince)} ({data.consecutiveFailures} failed{" "}
            {data.consecutiveFailures === 1 ? "attempt" : "attempts"}, retrying): {data.lastError}
          </p>
        </div>
      )}
      {data && (
        <Card title="Config delivery">
          <dl className="details">
            <dt>Status</dt>
            <dd>
              {data.status === "delivered" && "Every change has reached Redis."}
              {data.status === "pending" && "A change is being published."}
              {data.status === "failing" && "Publishing fails; the console retries until it succeeds."}
            </dd>
            <dt>Latest built</dt>
            <dd>{version(data.latestBuiltVersion)}</dd>
            <dt>In Redis (what gateways read)</dt>
            <dd>{data.storedVersion === null ? "unknown: Redis unreachable" : version(data.storedVersion)}</dd>
            <dt>Last delivered</dt>
            <dd>
              {version(data.deliveredVersion)}
              {data.deliveredAt && ` at ${formatDateTime(data.deliveredAt)}`}
            </dd>
            <dt>Pending</dt>
            <dd>{data.pendingSince ? `since ${formatDateTime(data.pendingSince)}: ${data.pendingReason ?? ""}` : "nothing"}</dd>
            <dt>Last attempt</dt>
            <dd>{data.lastAttemptAt ? formatDateTime(data.lastAttemptAt) : "never"}</dd>
          </dl>
        </Card>
      )}
    </>
  );
}
