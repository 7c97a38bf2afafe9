"use client";
// Code samples for each operation (generated on the server with httpsnippet): pick the
// operation and the language, copy it. The key is a placeholder unless the developer asks
// to see their own in it.
import { useId, useState } from "react";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Checkbox, Select } from "@/components/ui/field";
import type { ApiReference } from "@/lib/client/api-types";

type Props = { operations: ApiReference["operations"]; placeholder: string; realKey?: string };

export function CodeSamples({ operations, placeholder, realKey }: Props) {
  const [operationId, setOperationId] = useState(operations[0]?.operationId);
  const [language, setLanguage] = useState<string>("curl");
  const [showKey, setShowKey] = useState(false);
  const codeId = useId();
  const operation = operations.find((o) => o.operationId === operationId) ?? operations[0];
  if (!operation) {
    return (
      <Card title="Code samples">
        <p className="muted">The current revision has no operations.</p>
      </Card>
    );
  }
  const sample = operation.samples.find((s) => s.language === language) ?? operation.samples[0];
  const code = showKey && realKey ? sample.code.replaceAll(placeholder, realKey) : sample.code;

  return (
    <Card title="Code samples" id="code-samples">
      <div className="form-row">
        <Select label="Operation" value={operation.operationId} onChange={(e) => setOperationId(e.target.value)}>
          {operations.map((o) => (
            <option key={o.operationId} value={o.operationId}>
              {o.method.toUpperCase()} {o.path}
              {o.summary ? ` – ${o.summary}` : ""}
            </option>
          ))}
        </Select>
        <Select label="Language" value={sample.language} onChange={(e) => setLanguage(e.target.value)}>
          {operation.samples.map((s) => (
            <option key={s.language} value={s.language}>
              {s.label}
            </option>
          ))}
        </Select>
      </div>
      <Checkbox
        label={realKey ? "Show my real key in the sample" : "Show my real key in the sample (needs an active subscription)"}
        checked={showKey && Boolean(realKey)}
        disabled={!realKey}
        onChange={(e) => setShowKey(e.target.checked)}
      />
      <p className="field-hint">
        Calls <code>{operation.url}</code>
      </p>
      <pre className="code-block" tabIndex={0}>
        <code id={codeId} data-testid="code-sample">
          {code}
        </code>
      </pre>
      <div className="form-actions">
        <CopyButton value={code} label={`${sample.label} sample`} />
      </div>
    </Card>
  );
}
