"use client";
// The filters in force, each removable, and a small form to add one. Values are ids (the
// URL carries them); names come from the top lists already on screen, which also feed the
// suggestions of the value field.
import { useId, useState, type FormEvent } from "react";
import type { TopItem } from "@/lib/analytics/analytics-schemas";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { filterKeys, filterLabels, type FilterKey, type ViewFilters } from "@/lib/client/analytics-view";

type Props = {
  filters: ViewFilters;
  onChange: (key: FilterKey, value: string | undefined) => void;
  /** Known values per filter (from the top lists): their names and suggestions. */
  known?: Partial<Record<FilterKey, TopItem[]>>;
  /** Filters set by the page itself (an API's own page), shown but not removable. */
  fixed?: FilterKey[];
};

export function FilterBar({ filters, onChange, known = {}, fixed = [] }: Props) {
  const [key, setKey] = useState<FilterKey>("apiId");
  const listId = useId();
  const active = filterKeys.filter((k) => filters[k]);
  const nameOf = (k: FilterKey, value: string) => known[k]?.find((i) => i.key === value)?.label || value;

  function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const value = String(new FormData(form).get("value") ?? "").trim();
    if (!value) return;
    onChange(key, value);
    form.reset();
  }

  return (
    <div className="analytics-filters">
      {active.length > 0 ? (
        <ul className="analytics-chips" aria-label="Filters in force">
          {active.map((k) => (
            <li key={k} className="analytics-chip">
              <span>
                {filterLabels[k]}: <span className="strong">{nameOf(k, filters[k]!)}</span>
              </span>
              {!fixed.includes(k) && (
                <Button size="sm" variant="ghost" aria-label={`Remove the ${filterLabels[k]} filter`} onClick={() => onChange(k, undefined)}>
                  ×
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No filters: every request in the range.</p>
      )}
      <form className="form-row" onSubmit={add} aria-label="Add a filter">
        <Select label="Filter by" value={key} onChange={(e) => setKey(e.target.value as FilterKey)}>
          {filterKeys
            .filter((k) => !fixed.includes(k))
            .map((k) => (
              <option key={k} value={k}>
                {filterLabels[k]}
              </option>
            ))}
        </Select>
        <Input label="Value (id)" name="value" list={listId} placeholder={key === "operation" ? "GET /orders/{id}" : "id"} autoComplete="off" />
        <datalist id={listId}>
          {(known[key] ?? []).map((item) => (
            <option key={item.key} value={item.key}>
              {item.label}
            </option>
          ))}
        </datalist>
        <div className="field field-inline">
          <Button type="submit" variant="secondary">
            Add filter
          </Button>
        </div>
      </form>
    </div>
  );
}
