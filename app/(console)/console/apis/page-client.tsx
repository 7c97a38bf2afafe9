"use client";
import { useState } from "react";
import type { ApiLifecycle } from "@/lib/client/api-types";
import Link from "next/link";
import { StateBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { LoadMore } from "@/components/ui/load-more";
import { ListFilters } from "@/components/ui/list-filters";
import { Table } from "@/components/ui/table";
import { useApis } from "@/lib/client/use-apis";
import { LintCountBadges } from "./lint-report-view";

const columns = ["Name", "Path", "Lifecycle", "Operations", "Lint", "Backends"];
const lifecycles: ApiLifecycle[] = ["draft", "published", "deprecated", "retired"];

export function ApisClient({ canEdit }: { canEdit: boolean }) {
  const [search, setSearch] = useState<string | undefined>();
  const [lifecycle, setLifecycle] = useState<ApiLifecycle | "">("");
  const apis = useApis({ search, lifecycle: lifecycle || undefined });
  const items = apis.items;
  const filtered = Boolean(search || lifecycle);

  return (
    <>
      <PageHeader
        title="APIs"
        description="APIs imported from OpenAPI documents and exposed through the gateway."
        actions={
          canEdit && (
            <Link href="/console/apis/new" className="btn btn-primary">
              Add API
            </Link>
          )
        }
      />
      <ErrorBanner error={apis.error} />
      <Card
        title="All APIs"
        actions={
          <ListFilters
            search={{ label: "Search APIs", placeholder: "Name or path", onSearch: setSearch }}
            choice={{ label: "Filter by lifecycle", anyLabel: "Any lifecycle", options: lifecycles, value: lifecycle, onChange: setLifecycle }}
          />
        }
      >
        <Table
          caption="APIs"
          columns={columns}
          loading={apis.isPending && "Loading APIs…"}
          empty={apis.isSuccess && items.length === 0 && (filtered ? "No APIs match." : <>No APIs yet{canEdit ? ": add one from an OpenAPI document." : "."}</>)}
        >
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
        <LoadMore list={apis} />
      </Card>
    </>
  );
}
