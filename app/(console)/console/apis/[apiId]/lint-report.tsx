"use client";
// The current revision's lint report on the API page, grouped by rule.
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api-client";
import type { LintReport } from "@/components/api-types";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { queryKeys } from "@/components/query-keys";
import { LintReportView } from "../lint-report-view";

export function ApiLintReport({ apiId, revision }: { apiId: string; revision?: number }) {
  const report = useQuery({
    // Keyed under the API, so invalidating the API (re-import, revision change) refreshes it.
    queryKey: [...queryKeys.api(apiId), "lint", revision ?? "current"],
    queryFn: () =>
      apiFetch<LintReport>(`/api/v1/apis/${encodeURIComponent(apiId)}/lint${revision ? `?revision=${revision}` : ""}`),
  });
  return (
    <Card title={`Lint report${report.data?.revision ? ` (revision #${report.data.revision})` : ""}`}>
      {report.isPending && <p className="muted">Loading lint report…</p>}
      <ErrorBanner error={report.error} />
      {report.data && <LintReportView report={report.data} />}
    </Card>
  );
}
