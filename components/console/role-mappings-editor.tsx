"use client";
// Rows of {claim, value, role}: a claim of an identity provider's token (dot path) whose value,
// or array element, grants one of the realm's roles. Controlled: the caller holds the rows.
import type { RealmRoleMapping } from "@/lib/client/api-types";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";

type Props = {
  rows: RealmRoleMapping[];
  onChange(rows: RealmRoleMapping[]): void;
  /** The realm's role names, offered for `role`. */
  roles: string[];
  /** Distinguishes the labels of two editors on one page. */
  label: string;
};

export function RoleMappingsEditor({ rows, onChange, roles, label }: Props) {
  const set = (i: number, field: keyof RealmRoleMapping, value: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [field]: value } : r)));
  return (
    <fieldset className="form" aria-label={`Role mappings of ${label}`}>
      <legend className="field-label">Role mappings</legend>
      {rows.length === 0 && <p className="field-hint">No mappings: the provider&apos;s tokens hold no realm role (APIs requiring none still accept them).</p>}
      {rows.map((row, i) => (
        <div className="form-row" key={i}>
          <Input label={`Claim ${i + 1}`} value={row.claim} onChange={(e) => set(i, "claim", e.target.value)} placeholder="groups or org.department" required />
          <Input label={`Value ${i + 1}`} value={row.value} onChange={(e) => set(i, "value", e.target.value)} hint="Equal, or contained in an array claim" required />
          <Select label={`Role ${i + 1}`} value={row.role} onChange={(e) => set(i, "role", e.target.value)} required>
            <option value="" disabled>
              choose a role
            </option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
          <Button size="sm" variant="ghost" aria-label={`Remove mapping ${i + 1} of ${label}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Remove
          </Button>
        </div>
      ))}
      <div>
        <Button size="sm" variant="secondary" onClick={() => onChange([...rows, { claim: "", value: "", role: roles[0] ?? "" }])}>
          Add mapping
        </Button>
      </div>
    </fieldset>
  );
}
