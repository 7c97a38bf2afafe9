"use client";
import Link from "next/link";
import { StateBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { useApis } from "@/lib/client/use-apis";
import { ImportApiForm } from "./import-api-form";
import { LintCountBadges } from "./lint-report-view";

const columns = ["Name", "Path", "Lifecycle", "Operations", "Lint", "Backends"];

export function ApisClient({ canEdit }: { canEdit: boolean }) {
  const apis = useApis();
  const items = apis.data?.items ?? [];

  return (
    <>
      <PageHeader title="APIs" description="APIs imported from OpenAPI documents and exposed through the gateway." />
      <ErrorBanner error={apis.error} />
      <Card title="All APIs">
        <Table caption="APIs" columns={columns} loading={apis.isPending && "Loading APIs…"} empty={apis.isSuccess && items.length === 0 && <>No APIs yet{canEdit ? ": import one below." : "."}</>}>
          {items.map((api) => (
            <tr key={api.id}>
              <td>
                <Link href={`/console/apis/${api.id}`}>{api.name}</Link>
              </td>
              <td>
                <code>/{api.path}</code>
              </td>
              <td>
                <StateBadge state={api.lifecycle} />
              </td>
              <td className="numeric">{api.operationCount}</td>
              <td>
                {api.lint ? <LintCountBadges errors={api.lint.errors} warnings={api.lint.warnings} /> : <span className="muted">—</span>}
              </td>
              <td className="backends">
                {api.backendUrls.map((url) => (
                  <code key={url}>{url}</code>
                ))}
              </td>
            </tr>
          ))}
        </Table>
      </Card>
      {canEdit && <ImportApiForm />}
    </>
  );
}
