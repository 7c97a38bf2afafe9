"use client";
// The header of a paged list's card: a search the server runs and, optionally, one choice
// that filters the list (an API's lifecycle, a subscription's state, a user's role); "" is any.
import { Select } from "./field";
import { SearchBox } from "./search-box";

export interface ListSearch {
  label: string;
  placeholder: string;
  onSearch: (text: string | undefined) => void;
}

export interface ListChoice<T extends string> {
  label: string;
  anyLabel: string;
  options: readonly T[];
  value: T | "";
  onChange: (value: T | "") => void;
  optionLabel?: (value: T) => string;
}

export function ListFilters<T extends string>({ search, choice }: { search: ListSearch; choice?: ListChoice<T> }) {
  return (
    <div className="form-row">
      <SearchBox label={search.label} placeholder={search.placeholder} onSearch={search.onSearch} />
      {choice && (
        <Select label={choice.label} value={choice.value} onChange={(e) => choice.onChange(e.target.value as T | "")}>
          <option value="">{choice.anyLabel}</option>
          {choice.options.map((option) => (
            <option key={option} value={option}>
              {choice.optionLabel?.(option) ?? option}
            </option>
          ))}
        </Select>
      )}
    </div>
  );
}
