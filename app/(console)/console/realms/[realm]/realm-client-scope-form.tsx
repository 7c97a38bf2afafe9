"use client";
// One client scope's settings and protocol mappers, for adding a scope and for changing one.
// Mappers are edited as a list: add one with its type's fields, remove any; the body is checked
// with the route's schema before it is sent.
import { useState, type FormEvent } from "react";
import { formChecked, formText } from "@/components/form-data";
import { Button } from "@/components/ui/button";
import { Checkbox, Input, Select } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { Table } from "@/components/ui/table";
import { createClientScopeInputSchema, protocolMapperSchema, updateClientScopeInputSchema, userAttributes, type ProtocolMapper } from "@/lib/iam/realms/realm-client-scope-schemas";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useCreateClientScope, useUpdateClientScope, type RealmClientScope } from "@/lib/client/use-realm-client-scopes";

const mapperTypes = ["hardcoded-claim", "user-attribute", "realm-roles", "client-roles", "audience"] as const;
type MapperType = (typeof mapperTypes)[number];

/** What a mapper does, in a few words, for the mappers table and the scopes list. */
export function describeMapper(m: ProtocolMapper): string {
  switch (m.type) {
    case "hardcoded-claim":
      return `${m.claim} = ${JSON.stringify(m.value)}`;
    case "user-attribute":
      return `${m.claim} ← user ${m.attribute}`;
    case "realm-roles":
      return `${m.claim} ← realm roles`;
    case "client-roles":
      return `${m.claim} ← client roles`;
    case "audience":
      return `aud += ${m.audience}`;
  }
}

/** A hardcoded value typed as JSON (42, true, ["a"]) keeps its type; anything else is text. */
function hardcodedValue(text: string): unknown {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "number" || typeof parsed === "boolean" || Array.isArray(parsed) ? parsed : text;
  } catch {
    return text;
  }
}

function MapperEditor({ mappers, onChange }: { mappers: ProtocolMapper[]; onChange: (next: ProtocolMapper[]) => void }) {
  const [type, setType] = useState<MapperType>("hardcoded-claim");
  const [fields, setFields] = useState({ name: "", claim: "", value: "", attribute: "username", audience: "" });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (k: keyof typeof fields) => (e: { target: { value: string } }) => setFields({ ...fields, [k]: e.target.value });

  function add() {
    const candidate = {
      name: fields.name,
      type,
      ...(type === "audience" ? { audience: fields.audience } : type === "realm-roles" || type === "client-roles" ? (fields.claim ? { claim: fields.claim } : {}) : { claim: fields.claim }),
      ...(type === "hardcoded-claim" ? { value: hardcodedValue(fields.value) } : {}),
      ...(type === "user-attribute" ? { attribute: fields.attribute } : {}),
    };
    const parsed = protocolMapperSchema.safeParse(candidate);
    if (mappers.some((m) => m.name === fields.name.trim())) return setProblem(`A mapper named ${fields.name.trim()} is already in the list`);
    if (!parsed.success) return setProblem(parsed.error.issues.map((i) => `${i.path.join(".") || "mapper"}: ${i.message}`).join("; "));
    setProblem(null);
    onChange([...mappers, parsed.data]);
    setFields({ ...fields, name: "", claim: "", value: "", audience: "" });
  }

  return (
    <fieldset className="form">
      <legend>Protocol mappers</legend>
      <Table caption="Mappers" columns={["Name", "Type", "Effect", ""]} empty={mappers.length === 0 && "No mappers: the scope only grants its name."}>
        {mappers.map((m, i) => (
          <tr key={`${i}:${m.name}`}>
            <td className="strong">{m.name}</td>
            <td>{m.type}</td>
            <td>
              <code>{describeMapper(m)}</code>
            </td>
            <td>
              <Button size="sm" variant="ghost" aria-label={`Remove mapper ${m.name}`} onClick={() => onChange(mappers.filter((_, j) => j !== i))}>
                Remove
              </Button>
            </td>
          </tr>
        ))}
      </Table>
      <div className="form-row">
        <Select label="Mapper type" value={type} onChange={(e) => setType(e.target.value as MapperType)}>
          {mapperTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
        <Input label="Mapper name" value={fields.name} onChange={set("name")} />
        {type === "audience" ? (
          <Input label="Audience" value={fields.audience} onChange={set("audience")} hint="Added to the token's aud" />
        ) : (
          <Input label="Claim" value={fields.claim} onChange={set("claim")} hint={type === "realm-roles" ? "Empty: realm_access.roles" : type === "client-roles" ? "Empty: resource_access" : "Dots nest: org.tier"} />
        )}
        {type === "hardcoded-claim" && <Input label="Value" value={fields.value} onChange={set("value")} hint='Text, or JSON: 42, true, ["a","b"]' />}
        {type === "user-attribute" && (
          <Select label="User attribute" value={fields.attribute} onChange={set("attribute")}>
            {userAttributes.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        )}
      </div>
      {problem && (
        <p className="field-hint" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <Button size="sm" variant="secondary" onClick={add}>
          Add mapper
        </Button>
      </div>
    </fieldset>
  );
}

const kindOf = (text: string): "default" | "optional" | null => (text === "default" || text === "optional" ? text : null);

/** Without `scope`: the "New client scope" form; with it: that scope's settings. */
export function RealmClientScopeForm({ realm, scope, onDone }: { realm: string; scope?: RealmClientScope; onDone?: () => void }) {
  const [mappers, setMappers] = useState<ProtocolMapper[]>(scope?.mappers ?? []);
  const create = useCreateClientScope(realm);
  const update = useUpdateClientScope(realm);
  const createCheck = useRequestCheck(createClientScopeInputSchema);
  const updateCheck = useRequestCheck(updateClientScopeInputSchema);
  const mutation = scope ? update : create;
  const check = scope ? updateCheck : createCheck;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const common = {
      description: formText(form, "description"),
      includeInTokenScope: formChecked(form, "includeInTokenScope"),
      assignToNewClients: kindOf(formText(form, "assignToNewClients")),
      mappers,
    };
    if (scope) {
      if (updateCheck.check(common)) update.mutate({ name: scope.name, body: common }, { onSuccess: () => onDone?.() });
      return;
    }
    const body = { name: formText(form, "name"), ...common };
    if (createCheck.check(body))
      create.mutate(body, {
        onSuccess: () => {
          form.reset();
          setMappers([]);
          onDone?.();
        },
      });
  }

  // Not "Add client …": the clients card's "Add client" form is found by that name.
  const label = scope ? `Settings of client scope ${scope.name}` : "New client scope";
  return (
    <form className="form" onSubmit={onSubmit} aria-label={label}>
      <div className="form-row">
        {!scope && <Input label="Scope name" name="name" required hint="The value clients request in scope" />}
        <Input label="Description" name="description" defaultValue={scope?.description ?? ""} />
        <Select label="New clients get it" name="assignToNewClients" defaultValue={scope?.assignToNewClients ?? ""}>
          <option value="">no</option>
          <option value="default">as a default scope</option>
          <option value="optional">as an optional scope</option>
        </Select>
      </div>
      <Checkbox label="Include in token scope" name="includeInTokenScope" defaultChecked={scope?.includeInTokenScope ?? true} />
      <MapperEditor mappers={mappers} onChange={setMappers} />
      <FormFooter
        submitLabel={scope ? "Save client scope" : "Create client scope"}
        variant="secondary"
        busy={mutation.isPending}
        error={check.problem ?? mutation.error}
        errorTitle={scope ? "Could not save the client scope" : "Could not add the client scope"}
      />
    </form>
  );
}
