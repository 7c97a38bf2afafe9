"use client";
import Link from "next/link";
import { useState } from "react";
import { StateBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { LoadMore } from "@/components/ui/load-more";
import { SearchBox } from "@/components/ui/search-box";
import { Table } from "@/components/ui/table";
import { useVersionSets } from "@/lib/client/use-version-sets";
import { CreateVersionSetForm } from "./create-version-set-form";

const columns = ["Name", "Scheme", "Parameter name", "Versions"];
const schemeLabels = { path: "Path segment", header: "Header", query: "Query parameter" } as const;

export function VersionSetsClient({ canEdit }: { canEdit: boolean }) {
  const [search, setSearch] = useState<string | undefined>();
  const sets = useVersionSets({ search });
  const items = sets.items;

  return (
    <>
      <PageHeader
        title="Version sets"
        description="APIs that are versions of one another, and how clients pick a version: a path segment, a header or a query parameter."
      />
      <ErrorBanner error={sets.error} />
      <Card title="All version sets" actions={<SearchBox label="Search version sets" placeholder="Name" onSearch={setSearch} />}>
        <Table
          caption="Version sets"
          columns={columns}
          loading={sets.isPending && "Loading version sets…"}
          empty={sets.isSuccess && items.length === 0 && (search ? "No version sets match." : "No version sets yet.")}
        >
          {items.map((set) => (
            <tr key={set.id}>
              <td>
                <span className="strong">{set.name}</span>
                {set.description && <span className="cell-sub">{set.description}</span>}
              </td>
              <td>{schemeLabels[set.scheme]}</td>
              <td>{set.parameterName ? <code>{set.parameterName}</code> : <span className="muted">—</span>}</td>
              <td className="api-links">
                {set.apis.length === 0 && <span className="muted">None yet: add a version from an API&apos;s page</span>}
                {set.apis.map((api) => (
                  <Link key={api.id} href={`/console/apis/${api.id}`}>
                    {api.versionName}: {api.name} <StateBadge state={api.lifecycle} />
                  </Link>
                ))}
              </td>
            </tr>
          ))}
        </Table>
        <LoadMore list={sets} />
      </Card>
      {canEdit && <CreateVersionSetForm />}
    </>
  );
}
