"use client";
// Whether the gateways enforce what the console shows: every acknowledged change is
// owed to them until stored in Redis; a failing publish is shown here until it recovers.
// Below it, the running instances as they register themselves, flagged when one lags
// behind the stored config or stops sending heartbeats.
import type { ConfigDelivery, GatewayInstance } from "@/lib/client/api-types";
import { formatDateTime } from "@/components/format";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { useConfigDelivery } from "@/lib/client/use-config-delivery";
import { useGateways } from "@/lib/client/use-gateways";

const statusTones: Record<ConfigDelivery["status"], BadgeTone> = { delivered: "success", pending: "warning", failing: "danger" };

const instanceTones: Record<GatewayInstance["status"], BadgeTone> = { ok: "success", lagging: "warning", silent: "danger" };

const version = (v: number | null) => (v === null ? "unknown" : v === 0 ? "none" : `v${v}`);

const instanceColumns = ["Instance", "Host", "Version", "Config", "Status", "Requests/s", "Last heartbeat", "Started"];

function GatewayInstances() {
  const gateways = useGateways();
  const items = gateways.data?.items ?? [];
  const flagged = items.filter((g) => g.status !== "ok").length;
  return (
    <Card title={flagged > 0 ? `Instances (${flagged} need attention)` : "Instances"}>
      <ErrorBanner error={gateways.error} title="Could not list the gateways" />
      <Table
        caption="Gateway instances"
        columns={instanceColumns}
        loading={gateways.isPending && "Loading gateways…"}
        empty={gateways.isSuccess && items.length === 0 && "No gateway has registered: none is running, or none reaches this Redis."}
      >
        {items.map((g) => (
          <tr key={g.id}>
            <td className="strong">
              <code>{g.id}</code>
            </td>
            <td>{g.host}</td>
            <td>{g.version}</td>
            <td>{g.configVersion === null ? "none yet" : `v${g.configVersion}`}</td>
            <td>
              <Badge tone={instanceTones[g.status]}>{g.status}</Badge>
              {g.lastError && <div className="muted">{g.lastError}</div>}
            </td>
            <td>{g.requestsPerSecond === undefined ? "" : g.requestsPerSecond.toFixed(1)}</td>
            <td>{formatDateTime(g.lastHeartbeatAt)}</td>
            <td>{formatDateTime(g.startedAt)}</td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

export function GatewaysClient() {
  const delivery = useConfigDelivery();
  const data = delivery.data;
  return (
    <>
      <PageHeader
        title="Gateways"
        description="Configuration delivery (every change you make is published to the gateways through Redis) and the gateway instances running."
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
      <GatewayInstances />
    </>
  );
}
