"use client";
// Choosing APIs (a product's bundle) from a catalogue too big to load: the server searches
// and pages, and the chosen APIs stay chosen (and submitted, as `name` checkboxes) while
// other searches are shown.
import { useState } from "react";
import { Checkbox } from "@/components/ui/field";
import { ErrorBanner } from "@/components/ui/error-banner";
import { LoadMore } from "@/components/ui/load-more";
import { SearchBox } from "@/components/ui/search-box";
import { useApis } from "@/lib/client/use-apis";

type Chosen = { id: string; name: string };

export function ApiPicker({ name, initial = [] }: { name: string; initial?: Chosen[] }) {
  const [search, setSearch] = useState<string | undefined>();
  const [chosen, setChosen] = useState<Map<string, string>>(() => new Map(initial.map((a) => [a.id, a.name])));
  const apis = useApis({ search });

  const toggle = (api: Chosen, on: boolean) =>
    setChosen((old) => {
      const next = new Map(old);
      if (on) next.set(api.id, api.name);
      else next.delete(api.id);
      return next;
    });
  const others = apis.items.filter((api) => !chosen.has(api.id));

  return (
    <>
      <SearchBox label="Find APIs" placeholder="Name or path" onSearch={setSearch} />
      {apis.isPending && <p className="muted">Loading APIs…</p>}
      {apis.isSuccess && apis.items.length === 0 && <p className="muted">{search ? "No APIs match." : "No APIs to add yet."}</p>}
      <ErrorBanner error={apis.error} />
      <div className="checkbox-grid">
        {[...chosen].map(([id, label]) => (
          <Checkbox key={id} label={label} name={name} value={id} checked onChange={() => toggle({ id, name: label }, false)} />
        ))}
        {others.map((api) => (
          <Checkbox key={api.id} label={api.name} name={name} value={api.id} checked={false} onChange={() => toggle(api, true)} />
        ))}
      </div>
      <LoadMore list={apis} />
    </>
  );
}
