"use client";
// A secret answered once (registration, rotation): shown with a copy button until dismissed.
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

type Props = { clientId: string; secret: string; onDismiss: () => void };

export function SecretOnce({ clientId, secret, onDismiss }: Props) {
  return (
    <div className="keys-box" role="region" aria-label={`Client secret of ${clientId}`}>
      <p className="keys-box-title">Copy the secret of {clientId} now: it will not be shown again.</p>
      <dl className="keys">
        <dt>Client id</dt>
        <dd>
          <code data-testid="new-app-client-id">{clientId}</code> <CopyButton value={clientId} label="the client id" />
        </dd>
        <dt>Client secret</dt>
        <dd>
          <code data-testid="new-app-secret">{secret}</code> <CopyButton value={secret} label="the client secret" />
        </dd>
      </dl>
      <p className="field-hint">Only its hash is stored: if you lose it, rotate the secret to get a new one.</p>
      <Button variant="secondary" size="sm" onClick={onDismiss}>
        I have copied it
      </Button>
    </div>
  );
}
