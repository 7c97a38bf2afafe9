"use client";
// Read-only API reference for developers. (Interactive swagger-ui comes later.)
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api-client";
import type { Api } from "@/components/api-types";
import { OperationsTable } from "@/components/operations-table";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { queryKeys } from "@/components/query-keys";

export function PortalApiClient({ apiId, gatewayUrl }: { apiId: string; gatewayUrl: string }) {
  const api = useQuery({
    queryKey: queryKeys.api(apiId),
    queryFn: () => apiFetch<Api>(`/api/v1/apis/${encodeURIComponent(apiId)}`),
  });
  const back = (
    <Link href="/portal" className="back-link">
      ← Products
    </Link>
  );

  if (api.isPending) return <>{back}<p className="muted">Loading API…</p></>;
  if (api.isError) return <>{back}<PageHeader title="API" /><ErrorBanner error={api.error} /></>;

  const { data } = api;
  return (
    <>
      {back}
      <PageHeader
        title={data.name}
        description={data.currentRevision ? `Version ${data.currentRevision.version}` : undefined}
      />
      {data.description && <p className="lead-text">{data.description}</p>}
      <div className="hint-box">
        <p>
          Base URL: <code>{`${gatewayUrl}/${data.gatewayPath ?? data.path}`}</code>
        </p>
        {data.subscriptionRequired && (
          <p className="muted">
            Requires a subscription key in the <code>{data.subscriptionKeyHeader}</code> header or the{" "}
            <code>{data.subscriptionKeyQuery}</code> query parameter.
          </p>
        )}
      </div>
      <Card title="Operations">
        <OperationsTable operations={data.operations ?? []} />
      </Card>
    </>
  );
}
