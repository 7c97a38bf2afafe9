"use client";
import dynamic from "next/dynamic";
import { PageHeader } from "@/components/ui/page-header";

const SwaggerUiView = dynamic(() => import("@/components/portal/swagger-ui-view"), {
  ssr: false,
  loading: () => <p className="muted">Loading the API reference…</p>,
});

export function ManagementApiClient() {
  return (
    <>
      <PageHeader
        title="Management API"
        description={
          <>
            Everything the console does, for scripts and CI: send <code>Authorization: Bearer &lt;token&gt;</code> with a token
            from the console. The document is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
          </>
        }
      />
      <div className="swagger-ui-host">
        <SwaggerUiView url="/api/v1/openapi.json" />
      </div>
    </>
  );
}
