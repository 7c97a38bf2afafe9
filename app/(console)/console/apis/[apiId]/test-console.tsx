"use client";
// The API's test console (Azure APIM's "Test" tab): pick an operation of the current revision,
// fill its parameters and body, and send it. The server sends it through the gateway with a
// test subscription's key, so what comes back is exactly what a client gets, limits included.
import { useState, type FormEvent } from "react";
import type { Api } from "@/lib/client/api-types";
import type { OperationTestTemplate, TestParameter } from "@/lib/apis/test-console/operation-template-schemas";
import { testRequestInputSchema, type TestRequestInput } from "@/lib/apis/test-console/test-request-schemas";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { useOperationTestTemplate, useSendTestRequest } from "@/lib/client/use-api-console";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { useSubscriptions } from "@/lib/client/use-subscriptions";
import { TestResponseView } from "@/components/apis/test-response-view";

const BUILT_IN = "";

/** "Name: value" lines, as people paste them from curl or a browser's network tab. */
function parseHeaderLines(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const at = line.indexOf(":");
    if (at > 0) headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return headers;
}

function requestFrom(template: OperationTestTemplate, values: Record<string, string>, extraHeaders: string, body: string, subscriptionId: string): TestRequestInput {
  const value = (p: TestParameter) => values[`${p.in}:${p.name}`] ?? p.example;
  const path = template.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const parameter = template.parameters.find((p) => p.in === "path" && p.name === name);
    return encodeURIComponent(parameter ? value(parameter) : "");
  });
  const filled = (where: TestParameter["in"]) =>
    Object.fromEntries(template.parameters.filter((p) => p.in === where && value(p) !== "").map((p) => [p.name, value(p)]));
  const headers = { ...filled("header"), ...parseHeaderLines(extraHeaders) };
  if (template.body.mediaType && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["Content-Type"] = template.body.mediaType;
  const method = template.method as TestRequestInput["method"];
  return {
    method,
    path,
    query: filled("query"),
    headers,
    body: method === "GET" || method === "HEAD" ? undefined : body,
    subscriptionId: subscriptionId || undefined,
  };
}

export function TestConsole({ api }: { api: Api }) {
  const operations = api.operations ?? [];
  const [operationId, setOperationId] = useState<string | null>(operations[0]?.id ?? null);
  const template = useOperationTestTemplate(api.id, operationId);
  const subscriptions = useSubscriptions({ apiId: api.id });

  return (
    <Card title="Test console" id="test-console">
      <p className="muted">
        Requests go through the gateway with a subscription key that stays on the server: your console test subscription to this API (made on first use) or one you choose.
      </p>
      <Select label="Operation" name="operation" value={operationId ?? ""} onChange={(e) => setOperationId(e.target.value || null)}>
        {operations.length === 0 && <option value="">No operations in the current revision</option>}
        {operations.map((op) => (
          <option key={op.id} value={op.id}>
            {op.method} {op.path}
            {op.summary ? ` · ${op.summary}` : ""}
          </option>
        ))}
      </Select>
      <ErrorBanner error={template.error} title="The operation's form could not be loaded" />
      {template.data && (
        <TestRequestForm key={template.data.operationId} apiId={api.id} template={template.data} subscriptions={subscriptions.items.map((s) => ({ id: s.id, name: s.name, state: s.state }))} />
      )}
    </Card>
  );
}

type SubscriptionChoice = { id: string; name: string; state: string };

function TestRequestForm({ apiId, template, subscriptions }: { apiId: string; template: OperationTestTemplate; subscriptions: SubscriptionChoice[] }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [extraHeaders, setExtraHeaders] = useState("");
  const [body, setBody] = useState(template.body.example);
  const [subscriptionId, setSubscriptionId] = useState(BUILT_IN);
  const [missing, setMissing] = useState<string | null>(null);
  const send = useSendTestRequest(apiId);
  const request = useRequestCheck(testRequestInputSchema);
  const takesBody = template.method !== "GET" && template.method !== "HEAD";

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    send.reset();
    const empty = template.parameters.find((p) => p.required && (values[`${p.in}:${p.name}`] ?? p.example) === "");
    setMissing(empty ? `Fill in the ${empty.in} parameter ${empty.name}` : null);
    if (empty) return;
    const input = requestFrom(template, values, extraHeaders, body, subscriptionId);
    if (request.check(input)) send.mutate(input);
  }

  const groups = (["path", "query", "header"] as const).map((where) => [where, template.parameters.filter((p) => p.in === where)] as const);
  return (
    <form className="form" onSubmit={onSubmit} aria-label="Test request" noValidate>
      {groups.map(
        ([where, parameters]) =>
          parameters.length > 0 && (
            <fieldset className="fieldset" key={where}>
              <legend className="field-label">{where === "path" ? "Path parameters" : where === "query" ? "Query parameters" : "Header parameters"}</legend>
              {parameters.map((p) => (
                <Input
                  key={p.name}
                  label={`${p.name}${p.required ? " (required)" : ""}`}
                  value={values[`${p.in}:${p.name}`] ?? p.example}
                  onChange={(e) => setValues({ ...values, [`${p.in}:${p.name}`]: e.target.value })}
                  hint={p.description || undefined}
                  required={p.required}
                />
              ))}
            </fieldset>
          ),
      )}
      <Textarea label="More headers" rows={2} spellCheck={false} className="mono" value={extraHeaders} onChange={(e) => setExtraHeaders(e.target.value)} hint="One per line, Name: value. The subscription key is added by the server." />
      {takesBody && (
        <Textarea label={`Body${template.body.mediaType ? ` (${template.body.mediaType})` : ""}`} rows={8} spellCheck={false} className="mono" value={body} onChange={(e) => setBody(e.target.value)} hint="Prefilled with an example from the document." />
      )}
      <Select label="Subscription" value={subscriptionId} onChange={(e) => setSubscriptionId(e.target.value)}>
        <option value={BUILT_IN}>Console test subscription (yours, made on first use)</option>
        {subscriptions.map((s) => (
          <option key={s.id} value={s.id} disabled={s.state !== "active"}>
            {s.name} ({s.state})
          </option>
        ))}
      </Select>
      <FormFooter
        submitLabel={`Send ${template.method}`}
        busy={send.isPending}
        error={missing ? new Error(missing) : (request.problem ?? send.error)}
        errorTitle="Not sent"
      />
      {send.data && <TestResponseView response={send.data} />}
    </form>
  );
}
