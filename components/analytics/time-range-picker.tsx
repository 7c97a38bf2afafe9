"use client";
// The time range (a preset relative to now, or custom from/to in local time) and the bucket
// interval; only intervals the server accepts for the range are offered.
import { useState, type FormEvent } from "react";
import type { AnalyticsInterval } from "@/lib/analytics/analytics-schemas";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { allowedIntervals, rangePresets, resolveRange, spanOf, type AnalyticsView, type RangeChoice } from "@/lib/client/analytics-view";

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a datetime-local input's value, in the viewer's time zone. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The view with `interval` dropped when the new range no longer allows it. */
function keepInterval(view: AnalyticsView): AnalyticsView {
  return view.interval && !allowedIntervals(spanOf(view)).includes(view.interval) ? { ...view, interval: undefined } : view;
}

type Props = { view: AnalyticsView; onChange: (view: AnalyticsView) => void; showInterval?: boolean };

export function TimeRangePicker({ view, onChange, showInterval = true }: Props) {
  const [choice, setChoice] = useState<RangeChoice>(view.range);
  const [error, setError] = useState<string | null>(null);
  // The custom form starts at the range shown when "Custom…" was picked (or the URL's range).
  const [initial, setInitial] = useState(() => (view.range === "custom" && view.from && view.to ? { from: view.from, to: view.to } : null));
  const shown = choice === "custom" ? choice : view.range;

  function pick(value: RangeChoice) {
    setChoice(value);
    setError(null);
    if (value === "custom" && !initial) setInitial(resolveRange(view, Date.now()));
    if (value !== "custom") onChange(keepInterval({ ...view, range: value, from: undefined, to: undefined }));
  }

  function applyCustom(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const from = new Date(String(data.get("from")));
    const to = new Date(String(data.get("to")));
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return setError("Enter both a start and an end.");
    if (from >= to) return setError("The start must be before the end.");
    setError(null);
    onChange(keepInterval({ ...view, range: "custom", from: from.toISOString(), to: to.toISOString() }));
  }

  return (
    <div className="analytics-range">
      <div className="form-row">
        <Select label="Time range" value={shown} onChange={(e) => pick(e.target.value as RangeChoice)}>
          {rangePresets.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </Select>
        {showInterval && (
          <Select
            label="Interval"
            value={view.interval ?? ""}
            onChange={(e) => onChange({ ...view, interval: (e.target.value || undefined) as AnalyticsInterval | undefined })}
          >
            <option value="">Auto</option>
            {allowedIntervals(spanOf(view)).map((i) => (
              <option key={i} value={i}>
                Per {i}
              </option>
            ))}
          </Select>
        )}
      </div>
      {shown === "custom" && initial && (
        <form className="form-row" onSubmit={applyCustom} aria-label="Custom time range">
          <Input label="From" name="from" type="datetime-local" defaultValue={toLocalInput(initial.from)} required />
          <Input label="To" name="to" type="datetime-local" defaultValue={toLocalInput(initial.to)} required />
          <div className="field field-inline">
            <Button type="submit" variant="secondary">
              Apply range
            </Button>
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
