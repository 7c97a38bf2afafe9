"use client";
// Read-only API reference for developers: the operations the gateway serves, from the current revision.
import Link from "next/link";
import { OperationsTable } from "@/components/operations-table";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { useApi } from "@/lib/client/use-apis";

export function PortalApiClient({ apiId, gatewayUrl }: { apiId: string; gatewayUrl: string }) {
  const api = useApi(apiId);
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
