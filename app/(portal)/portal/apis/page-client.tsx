"use client";
// The API catalogue: every API a developer may call (published or deprecated, in a
// published product), searched by name or path and filtered by operation tag on the
// server, a page at a time. Console users browsing the portal get drafts from the API
// too; the portal lists only what developers see.
import { useState } from "react";
import { ErrorBanner } from "@/components/ui/error-banner";
import { LoadMore } from "@/components/ui/load-more";
import { PageHeader } from "@/components/ui/page-header";
import { SearchBox } from "@/components/ui/search-box";
import { Select } from "@/components/ui/field";
import { useApis } from "@/lib/client/use-apis";
import { ApiCatalogueCard } from "./api-catalogue-card";

const callable = new Set(["published", "deprecated"]);

export function ApiCatalogueClient() {
  const [search, setSearch] = useState<string | undefined>();
  const [tag, setTag] = useState<string | undefined>();
  const [lifecycle, setLifecycle] = useState<string | undefined>();
  const apis = useApis({ search, tag, lifecycle });
  const shown = apis.items.filter((api) => callable.has(api.lifecycle));
  const filtered = Boolean(search || tag || lifecycle);

  return (
    <>
      <PageHeader title="APIs" description="Every API you can call through the gateway: open one for its reference, try it with your key and copy code samples." />
      <div className="form-row" role="search" aria-label="Filter APIs">
        <SearchBox label="Search APIs" placeholder="Name or path" onSearch={setSearch} />
        <SearchBox label="Tag" placeholder="An operation tag, e.g. orders" onSearch={setTag} />
        <Select label="Lifecycle" value={lifecycle ?? ""} onChange={(e) => setLifecycle(e.target.value || undefined)}>
          <option value="">Published and deprecated</option>
          <option value="published">Published</option>
          <option value="deprecated">Deprecated</option>
        </Select>
      </div>
      <ErrorBanner error={apis.error} />
      {apis.isPending && <p className="muted" role="status">Loading APIs…</p>}
      {apis.isSuccess && shown.length === 0 && (
        <p className="muted" role="status">
          {filtered ? "No APIs match: change the search or clear the tag." : "No APIs are published yet."}
        </p>
      )}
      <div className="card-grid">
        {shown.map((api) => (
          <ApiCatalogueCard key={api.id} api={api} />
        ))}
      </div>
      <LoadMore list={apis} />
    </>
  );
}
