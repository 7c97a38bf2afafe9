"use client";
// The current revision's lint report on the API page, grouped by rule.
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { useApiLint } from "@/lib/client/use-apis";
import { LintReportView } from "../lint-report-view";

export function ApiLintReport({ apiId, revision }: { apiId: string; revision?: number }) {
  const report = useApiLint(apiId, revision);
  return (
    <Card title={`Lint report${report.data?.revision ? ` (revision #${report.data.revision})` : ""}`}>
      {report.isPending && <p className="muted">Loading lint report…</p>}
      <ErrorBanner error={report.error} />
      {report.data && <LintReportView report={report.data} />}
    </Card>
  );
}
