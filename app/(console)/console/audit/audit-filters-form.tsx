"use client";
import type { FormEvent } from "react";
import { formText } from "@/components/form-data";
import { Input } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import type { AuditFilters } from "@/lib/client/query-keys";

const textFilters = [
  { name: "actorId", label: "Actor id" },
  { name: "entityType", label: "Entity type", placeholder: "api, product, user…" },
  { name: "entityId", label: "Entity id" },
  { name: "action", label: "Action", placeholder: "e.g. user.updated" },
];

/** Reads the filters at submit; empty fields are left out, dates become ISO instants. */
export function AuditFiltersForm({ onApply }: { onApply: (filters: AuditFilters) => void }) {
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const filters: AuditFilters = {};
    for (const { name } of textFilters) if (formText(form, name)) filters[name] = formText(form, name);
    for (const name of ["from", "to"]) {
      const local = formText(form, name);
      if (local) filters[name] = new Date(local).toISOString();
    }
    onApply(filters);
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Audit filters">
      <div className="form-row">
        {textFilters.map((f) => (
          <Input key={f.name} label={f.label} name={f.name} placeholder={f.placeholder} />
        ))}
        <Input label="From" name="from" type="datetime-local" />
        <Input label="To" name="to" type="datetime-local" />
      </div>
      <FormFooter submitLabel="Apply filters" resetLabel="Clear" onReset={() => onApply({})} />
    </form>
  );
}
