"use client";
// Highlighted panel with a subscription's primary and secondary keys, optionally masked.
import type { SubscriptionKeys } from "@/lib/client/api-types";
import { maskSecret } from "@/components/format";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

type KeysBoxProps = {
  title?: string;
  keys: SubscriptionKeys;
  masked?: boolean;
  note?: string;
  onDismiss?: () => void;
};

export function KeysBox({ title, keys, masked = false, note, onDismiss }: KeysBoxProps) {
  const show = (key: string) => (masked ? maskSecret(key) : key);
  return (
    <div className="keys-box" role="region" aria-label={title ?? "Subscription keys"}>
      {title && <p className="keys-box-title">{title}</p>}
      <dl className="keys">
        <dt>Primary key</dt>
        <dd>
          <code data-testid="primary-key">{show(keys.primaryKey)}</code> <CopyButton value={keys.primaryKey} label="primary key" />
        </dd>
        <dt>Secondary key</dt>
        <dd>
          <code data-testid="secondary-key">{show(keys.secondaryKey)}</code> <CopyButton value={keys.secondaryKey} label="secondary key" />
        </dd>
      </dl>
      {note && <p className="field-hint">{note}</p>}
      {onDismiss && (
        <Button variant="secondary" size="sm" onClick={onDismiss}>
          Dismiss
        </Button>
      )}
    </div>
  );
}
