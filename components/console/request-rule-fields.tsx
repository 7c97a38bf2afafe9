"use client";
// The request rules' fields (CORS, IP filter, header rules, body size, request
// validation) at every scope that sets them: workspace defaults, product, API
// and operation. The same inputs, read into the shape each scope's route takes.
// What an empty field means differs: at the workspace and on an API it is "none"
// (null); on an operation it inherits the API's (left out); on a product it is
// read as null and the product's form keeps only the nulls of rules the product
// had set (lib/gateway-policy/inherit-unset-rules.ts), so the rest inherit.
import type { ScopePolicy } from "@portcullis/gateway/contract/scope-policy";
import { formChecked, formText } from "@/components/form-data";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/field";

export type RuleScope = "workspace" | "product" | "api" | "operation";
export type Rules = Pick<ScopePolicy, "cors" | "ipFilter" | "headerRules" | "maxRequestBodyBytes" | "requestValidation">;

/** The wider scope an empty field inherits from, if any; CORS is decided before the key names a product. */
const SCOPES: Record<RuleScope, { inheritsFrom: string | null; emptyMeans: string; cors: boolean }> = {
  workspace: { inheritsFrom: null, emptyMeans: "none", cors: true },
  product: { inheritsFrom: "the workspace", emptyMeans: "the workspace default", cors: false },
  api: { inheritsFrom: null, emptyMeans: "none", cors: true },
  operation: { inheritsFrom: "the API", emptyMeans: "the API's", cors: true },
};

const list = (text: string) => text.split(/[\s,]+/).filter(Boolean);
/** "Name: value" per line. */
const headerMap = (text: string) =>
  Object.fromEntries(
    text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const colon = line.indexOf(":");
        return colon === -1 ? [line, ""] : [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
      }),
  );
const headerLines = (set: Record<string, string> | undefined) =>
  Object.entries(set ?? {})
    .map(([name, value]) => `${name}: ${value}`)
    .join("\n");

const RULE_CONTROLS = {
  cors: "corsOrigins",
  "cors.allowedOrigins": "corsOrigins",
  "cors.maxAgeSeconds": "corsMaxAge",
  ipFilter: "ipAllow",
  "ipFilter.allow": "ipAllow",
  "ipFilter.deny": "ipDeny",
  "headerRules.request": "requestSet",
  "headerRules.request.remove": "requestRemove",
  "headerRules.response": "responseSet",
  "headerRules.response.remove": "responseRemove",
  maxRequestBodyBytes: "maxRequestBodyBytes",
} as const;

/** Where the route's refusal of a rule is shown: its path under `prefix` (e.g. "policy.") → the control. */
export const ruleFieldAliases = (prefix = ""): Record<string, string> =>
  Object.fromEntries(Object.entries(RULE_CONTROLS).map(([path, control]) => [`${prefix}${path}`, control]));

/** The rules in the form, as the scope's route takes them (never CORS at product scope). */
export function readRules(form: HTMLFormElement, scope: RuleScope): Rules {
  const unset = scope === "operation" ? undefined : null;
  const origins = list(formText(form, "corsOrigins"));
  const maxAge = formText(form, "corsMaxAge");
  const allow = list(formText(form, "ipAllow"));
  const deny = list(formText(form, "ipDeny"));
  const edits = (direction: "request" | "response") => {
    const set = headerMap(formText(form, `${direction}Set`, { trim: false }));
    const remove = list(formText(form, `${direction}Remove`));
    return Object.keys(set).length + remove.length === 0 ? undefined : { ...(Object.keys(set).length ? { set } : {}), ...(remove.length ? { remove } : {}) };
  };
  const request = edits("request");
  const response = edits("response");
  const maxBody = formText(form, "maxRequestBodyBytes");
  const validation = SCOPES[scope].inheritsFrom ? formText(form, "requestValidation") : formChecked(form, "requestValidation") ? "on" : "off";
  const rules: Rules = {
    cors: !SCOPES[scope].cors
      ? undefined
      : origins.length
        ? { allowedOrigins: origins, allowCredentials: formChecked(form, "corsCredentials"), ...(maxAge ? { maxAgeSeconds: Number(maxAge) } : {}) }
        : unset,
    ipFilter: allow.length + deny.length ? { ...(allow.length ? { allow } : {}), ...(deny.length ? { deny } : {}) } : unset,
    headerRules: request || response ? { ...(request ? { request } : {}), ...(response ? { response } : {}) } : unset,
    maxRequestBodyBytes: maxBody === "" ? unset : Number(maxBody),
    requestValidation: validation === "on" ? true : validation === "off" ? false : undefined,
  };
  return Object.fromEntries(Object.entries(rules).filter(([, value]) => value !== undefined)) as Rules;
}

export function RequestRuleFields({ rules, scope }: { rules: Rules; scope: RuleScope }) {
  const { inheritsFrom, emptyMeans, cors } = SCOPES[scope];
  return (
    <>
      {cors && (
        <fieldset className="fieldset">
          <legend>CORS</legend>
          <Textarea
            label="Allowed origins"
            name="corsOrigins"
            rows={2}
            defaultValue={rules.cors?.allowedOrigins.join("\n") ?? ""}
            placeholder="https://app.example.com"
            hint={`One per line, or * for any. Preflights are answered by the gateway. Empty: ${emptyMeans}`}
          />
          <div className="form-row">
            <Checkbox label="Allow credentials (cookies, HTTP auth; never with *)" name="corsCredentials" defaultChecked={rules.cors?.allowCredentials ?? false} />
            <Input label="Preflight max age (s)" name="corsMaxAge" type="number" min={0} max={86400} defaultValue={rules.cors?.maxAgeSeconds ?? ""} placeholder="600" />
          </div>
        </fieldset>
      )}
      <fieldset className="fieldset">
        <legend>IP filter</legend>
        <div className="form-row">
          <Textarea label="Allow" name="ipAllow" rows={2} defaultValue={rules.ipFilter?.allow?.join("\n") ?? ""} placeholder="203.0.113.0/24" hint="Only these may call (IPv4/IPv6, CIDR)" />
          <Textarea label="Deny" name="ipDeny" rows={2} defaultValue={rules.ipFilter?.deny?.join("\n") ?? ""} placeholder="2001:db8::/32" hint={`Wins over allow. Both empty: ${emptyMeans}`} />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Header rules</legend>
        <div className="form-row">
          <Textarea label="Set on requests" name="requestSet" rows={2} defaultValue={headerLines(rules.headerRules?.request?.set)} placeholder="X-Env: prod" hint="Name: value, one per line" />
          <Input label="Remove from requests" name="requestRemove" defaultValue={rules.headerRules?.request?.remove?.join(", ") ?? ""} placeholder="X-Debug" />
        </div>
        <div className="form-row">
          <Textarea label="Set on responses" name="responseSet" rows={2} defaultValue={headerLines(rules.headerRules?.response?.set)} placeholder="X-Served-By: portcullis" />
          <Input label="Remove from responses" name="responseRemove" defaultValue={rules.headerRules?.response?.remove?.join(", ") ?? ""} placeholder="Server" />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Body and validation</legend>
        <div className="form-row">
          <Input
            label="Max request body (bytes)"
            name="maxRequestBodyBytes"
            type="number"
            min={1}
            defaultValue={rules.maxRequestBodyBytes ?? ""}
            hint={`413 payload_too_large past it. Empty: ${emptyMeans}`}
          />
          {inheritsFrom ? (
            <Select label="Request validation" name="requestValidation" defaultValue={rules.requestValidation === undefined ? "inherit" : rules.requestValidation ? "on" : "off"}>
              <option value="inherit">As {inheritsFrom}</option>
              <option value="on">On</option>
              <option value="off">Off</option>
            </Select>
          ) : (
            <Checkbox label="Validate requests against the current revision's schemas (400 request_invalid)" name="requestValidation" defaultChecked={rules.requestValidation ?? false} />
          )}
        </div>
      </fieldset>
    </>
  );
}
