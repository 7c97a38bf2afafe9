"use client";
// Access rules (CEL) of one scope, as rows {name, effect, expression, timeZone}, and the rule
// tester: paste a token's claims, give the request, see what each rule decides (the server
// evaluates with the gateway's own evaluator, on the rows being edited). Controlled: the caller
// holds the rows and saves them.
import { useState } from "react";
import type { AccessRule, AccessRuleTestResult } from "@/lib/client/api-types";
import { useTestAccessRules } from "@/lib/client/use-gateway-policies";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input, Select, Textarea } from "@/components/ui/field";

export type AccessRuleRow = { name: string; effect: "allow" | "deny"; expression: string; timeZone: string };

export const toRows = (rules: readonly AccessRule[] | null | undefined): AccessRuleRow[] =>
  (rules ?? []).map((r) => ({ name: r.name, effect: r.effect ?? "allow", expression: r.expression, timeZone: r.timeZone ?? "" }));

/** As the API takes them: allow is the default, an empty zone is UTC. */
export const toRules = (rows: readonly AccessRuleRow[]): AccessRule[] =>
  rows.map((r) => ({ name: r.name.trim(), ...(r.effect === "deny" ? { effect: "deny" as const } : {}), expression: r.expression, ...(r.timeZone.trim() ? { timeZone: r.timeZone.trim() } : {}) }));

export function AccessRulesEditor({ rows, onChange, disabled }: { rows: AccessRuleRow[]; onChange(rows: AccessRuleRow[]): void; disabled?: boolean }) {
  const set = (i: number, field: keyof AccessRuleRow, value: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [field]: value } : r)));
  return (
    <fieldset className="form" aria-label="Access rules" disabled={disabled}>
      <legend className="field-label">Access rules</legend>
      <p className="field-hint">
        Every rule must hold: an <em>allow</em> rule must be true, a <em>deny</em> rule false; an expression that errs fails its rule. The first
        rule that fails answers 403 access_denied naming it. Variables: claims, subject, client, roles, scopes, request.ip / method / path /
        headers, now.hour / minute / weekday (0 = Sunday) / date; functions: CEL&apos;s, lowerAscii() and friends, inCidr(ip, cidr).
      </p>
      {rows.length === 0 && <p className="field-hint">No rules: roles and scopes alone decide.</p>}
      {rows.map((row, i) => (
        <div className="form" key={i} style={{ borderLeft: "2px solid var(--border, #ddd)", paddingLeft: "0.75rem" }}>
          <div className="form-row">
            <Input label={`Rule ${i + 1} name`} value={row.name} onChange={(e) => set(i, "name", e.target.value)} placeholder="finance only" required />
            <Select label={`Rule ${i + 1} effect`} value={row.effect} onChange={(e) => set(i, "effect", e.target.value)}>
              <option value="allow">allow (must be true)</option>
              <option value="deny">deny (must be false)</option>
            </Select>
            <Input label={`Rule ${i + 1} time zone`} value={row.timeZone} onChange={(e) => set(i, "timeZone", e.target.value)} placeholder="UTC" hint="IANA zone of now" />
          </div>
          <Textarea
            label={`Rule ${i + 1} expression (CEL)`}
            value={row.expression}
            onChange={(e) => set(i, "expression", e.target.value)}
            rows={2}
            placeholder={`has(claims.dept) && claims.dept == "finance" && inCidr(request.ip, "10.0.0.0/8")`}
            spellCheck={false}
            required
          />
          <div>
            <Button size="sm" variant="ghost" aria-label={`Remove rule ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              Remove rule
            </Button>
          </div>
        </div>
      ))}
      <div>
        <Button size="sm" variant="secondary" onClick={() => onChange([...rows, { name: "", effect: "allow", expression: "", timeZone: "" }])}>
          Add rule
        </Button>
      </div>
    </fieldset>
  );
}

const SAMPLE_CLAIMS = '{\n  "sub": "user-1",\n  "azp": "orders-app",\n  "realm_access": { "roles": ["orders-reader"] }\n}';

/** "Name: value" per line. */
const headerMap = (text: string) =>
  Object.fromEntries(
    text
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.includes(":"))
      .map((l) => [l.slice(0, l.indexOf(":")).trim(), l.slice(l.indexOf(":") + 1).trim()]),
  );

export function AccessRuleTester({ apiId, rows, defaultMethod = "GET" }: { apiId: string; rows: AccessRuleRow[]; defaultMethod?: string }) {
  const tester = useTestAccessRules(apiId);
  const [claims, setClaims] = useState(SAMPLE_CLAIMS);
  const [method, setMethod] = useState(defaultMethod);
  const [path, setPath] = useState("/");
  const [headers, setHeaders] = useState("");
  const [ip, setIp] = useState("");
  const [time, setTime] = useState("");
  const [claimsProblem, setClaimsProblem] = useState<string | null>(null);

  function run() {
    let parsed: unknown;
    try {
      parsed = JSON.parse(claims);
    } catch (err) {
      setClaimsProblem(`Claims are not JSON: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    setClaimsProblem(null);
    tester.mutate({
      claims: parsed as Record<string, unknown>,
      method,
      path,
      headers: headerMap(headers),
      ...(ip.trim() ? { ip: ip.trim() } : {}),
      ...(time ? { time: new Date(time).toISOString() } : {}),
      accessRules: toRules(rows),
    });
  }

  const result: AccessRuleTestResult | undefined = tester.data;
  return (
    <fieldset className="form" aria-label="Rule tester">
      <legend className="field-label">Rule tester</legend>
      <p className="field-hint">Tries the rules above (saved or not) with the gateway&apos;s evaluator. Nothing is changed.</p>
      <Textarea label="Token claims (JSON)" value={claims} onChange={(e) => setClaims(e.target.value)} rows={6} spellCheck={false} />
      <div className="form-row">
        <Input label="Method" value={method} onChange={(e) => setMethod(e.target.value)} />
        <Input label="Path below the API" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/orders/42" />
        <Input label="Client IP" value={ip} onChange={(e) => setIp(e.target.value)} placeholder="127.0.0.1" />
        <Input label="Time" type="datetime-local" value={time} onChange={(e) => setTime(e.target.value)} hint="Empty: now" />
      </div>
      <Textarea label="Headers (Name: value per line)" value={headers} onChange={(e) => setHeaders(e.target.value)} rows={2} spellCheck={false} />
      <div>
        <Button size="sm" variant="secondary" onClick={run} busy={tester.isPending}>
          Test rules
        </Button>
      </div>
      {claimsProblem && <ErrorBanner error={new Error(claimsProblem)} title="Cannot test" />}
      {tester.error && <ErrorBanner error={tester.error} title="Test refused" />}
      {result && (
        <div role="status" aria-label="Rule verdict">
          <p>
            {result.allowed ? <Badge tone="success">allowed</Badge> : <Badge tone="danger">403 access_denied</Badge>}{" "}
            {result.deniedBy ? `by “${result.deniedBy}”` : result.rules.length === 0 ? "no rules" : "every rule holds"}
          </p>
          <ul>
            {result.rules.map((r) => (
              <li key={r.name}>
                <strong>{r.name}</strong> ({r.effect}): {r.outcome}
                {r.value !== undefined ? ` — expression is ${String(r.value)}` : ""}
                {r.error ? ` — ${r.error}` : ""}
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
