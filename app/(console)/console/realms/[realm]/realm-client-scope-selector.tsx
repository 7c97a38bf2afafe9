"use client";
// The client form's client scopes: two selectors over the realm's scopes, default (in every
// token) and optional (when the request names them). Scopes the client has but the loaded page
// does not list stay selected, so saving never drops an assignment nobody saw.
import { formTexts } from "@/components/form-data";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Select } from "@/components/ui/field";
import { LoadMore } from "@/components/ui/load-more";
import { useRealmClientScopeChoices } from "@/lib/client/use-realm-client-scopes";

type Assigned = { defaultClientScopes: string[]; optionalClientScopes: string[] };

/**
 * The choices as the client fields of a create or PATCH body. Before the scopes have loaded
 * there is nothing to choose from: neither field is sent, so the server keeps the client's
 * scopes, or gives a new client the realm's assignToNewClients ones.
 */
export function readClientScopeChoices(form: HTMLFormElement): Partial<Assigned> {
  if (!form.querySelector('select[name="defaultClientScopes"] option')) return {};
  return { defaultClientScopes: formTexts(form, "defaultClientScopes"), optionalClientScopes: formTexts(form, "optionalClientScopes") };
}

/** `assigned`: the client's current scopes; without it (a new client), each scope's assignToNewClients. */
export function RealmClientScopeSelector({ realm, assigned }: { realm: string; assigned?: Assigned }) {
  const scopes = useRealmClientScopeChoices(realm);
  const names = [...new Set([...scopes.items.map((s) => s.name), ...(assigned ? [...assigned.defaultClientScopes, ...assigned.optionalClientScopes] : [])])].sort();
  const initial = (kind: "default" | "optional") =>
    assigned ? assigned[kind === "default" ? "defaultClientScopes" : "optionalClientScopes"] : scopes.items.filter((s) => s.assignToNewClients === kind).map((s) => s.name);
  const described = (n: string) => {
    const description = scopes.items.find((s) => s.name === n)?.description;
    return description ? `${n}: ${description}` : n;
  };
  // Keyed by what loaded, so the initial selection follows the list once it arrives.
  const key = `${scopes.items.length}`;
  return (
    <div className="form-row">
      <ErrorBanner error={scopes.error} />
      <Select key={`d${key}`} label="Default client scopes" name="defaultClientScopes" multiple size={Math.min(6, Math.max(2, names.length))} defaultValue={initial("default")} hint="Their claims are in every token">
        {names.map((n) => (
          <option key={n} value={n}>
            {described(n)}
          </option>
        ))}
      </Select>
      <Select key={`o${key}`} label="Optional client scopes" name="optionalClientScopes" multiple size={Math.min(6, Math.max(2, names.length))} defaultValue={initial("optional")} hint="Added when the token request names them in scope">
        {names.map((n) => (
          <option key={n} value={n}>
            {described(n)}
          </option>
        ))}
      </Select>
      <LoadMore list={scopes} />
    </div>
  );
}
