"use client";
import { useState } from "react";
import type { UserRole } from "@/lib/client/api-types";
import { formatDateTime } from "@/components/format";
import { AnalyticsPanel } from "@/components/analytics/analytics-panel";
import { OperationsTable } from "@/components/operations-table";
import { StateBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { BackendsPanel } from "./backends-panel";
import { LifecyclePanel } from "./lifecycle-panel";
import { LimitsPanel } from "./limits-panel";
import { OperationRulesPanel } from "./operation-rules-panel";
import { RequestRulesPanel } from "./request-rules-panel";
import { AccessRulesPanel } from "./access-rules-panel";
import { ApiLintReport } from "./lint-report";
import { RevisionsPanel } from "./revisions-panel";
import { SecurityPanel } from "./security-panel";
import { TlsPanel } from "./tls-panel";
import { VersionPanel } from "./version-panel";
import { canManageOwned } from "@/lib/iam/can-manage-owned";
import { ApiIdentityForm } from "./api-identity-form";
import { DeleteApiCard } from "@/components/apis/delete-api-card";
import { TestConsole } from "./test-console";
import { useApi } from "@/lib/client/use-apis";

type Viewer = { id: string; role: UserRole };

export function ApiDetailClient({ apiId, viewer }: { apiId: string; viewer: Viewer }) {
  const api = useApi(apiId);
  // The operation whose gateway policy is shown (by id), under the operations table.
  const [selected, setSelected] = useState<string | null>(null);
  const back = (current?: string) => <Breadcrumbs trail={[{ label: "APIs", href: "/console/apis" }]} current={current} />;

  if (api.isPending) return <>{back()}<p className="muted">Loading API…</p></>;
  if (api.isError) return <>{back()}<PageHeader title="API" /><ErrorBanner error={api.error} /></>;

  const { data } = api;
  // The server's ownership rule: publishers edit only their own APIs.
  const canEdit = canManageOwned(viewer.role, viewer.id, data.ownerId ?? null);
  const revision = data.currentRevision;
  const selectedOperation = data.operations?.find((op) => op.id === selected);
  return (
    <>
      {back(data.name)}
      <PageHeader title={data.name} description={data.description || undefined} actions={<StateBadge state={data.lifecycle} />} />
      <Card title="Details">
        <dl className="details">
          <dt>Gateway path</dt>
          <dd>
            <code>/{data.gatewayPath ?? data.path}</code>
          </dd>
          <dt>Backends</dt>
          <dd className="backends">
            {data.backends.map((b) => (
              <code key={b.url}>
                {b.url}
                {data.backends.length > 1 ? ` (weight ${b.weight})` : ""}
              </code>
            ))}
          </dd>
          <dt>Current revision</dt>
          <dd>
            {revision
              ? `#${revision.number} · ${revision.title} ${revision.version} (OpenAPI ${revision.specVersion})`
              : "None"}
          </dd>
          <dt>Subscription</dt>
          <dd>
            {data.subscriptionRequired ? (
              <>
                Required: header <code>{data.subscriptionKeyHeader}</code> or query <code>{data.subscriptionKeyQuery}</code>
              </>
            ) : (
              "Not required (open API)"
            )}
          </dd>
          <dt>Updated</dt>
          <dd>{formatDateTime(data.updatedAt)}</dd>
        </dl>
      </Card>
      <AnalyticsPanel fixed={{ apiId }} top={{ dimension: "operation", title: "Top operations", column: "Operation" }} />
      <LifecyclePanel api={data} canEdit={canEdit} />
      <SecurityPanel api={data} canEdit={canEdit} />
      <LimitsPanel api={data} canEdit={canEdit} />
      <TlsPanel api={data} canEdit={canEdit} />
      <BackendsPanel api={data} canEdit={canEdit} />
      <VersionPanel api={data} canEdit={canEdit} />
      <ApiLintReport apiId={apiId} revision={revision?.number} />
      <RevisionsPanel apiId={apiId} canEdit={canEdit} />
      <RequestRulesPanel api={data} canEdit={canEdit} />
      <AccessRulesPanel api={data} canEdit={canEdit} />
      <Card title="Operations">
        <OperationsTable
          operations={data.operations ?? []}
          action={(op) => (
            <Button size="sm" variant="ghost" aria-pressed={selected === op.id} onClick={() => setSelected(selected === op.id ? null : op.id)}>
              Rules
            </Button>
          )}
        />
      </Card>
      {selectedOperation && <OperationRulesPanel api={data} operation={selectedOperation} canEdit={canEdit} />}
      {canEdit && <TestConsole api={data} />}
      {canEdit && <ApiIdentityForm api={data} />}
      {canEdit && <DeleteApiCard api={data} />}
    </>
  );
}
