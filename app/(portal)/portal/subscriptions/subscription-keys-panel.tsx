"use client";
// Keys are fetched only on demand ("Show keys") and shown masked until the user
// unmasks them, so they don't leak in screenshots or screen shares by default.
import { useState } from "react";
import type { Subscription } from "@/lib/client/api-types";
import { KeysBox } from "@/components/keys-box";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { ErrorBanner } from "@/components/ui/error-banner";
import { ExampleCall } from "@/components/portal/example-call";
import { useRegenerateSubscriptionKey, useSubscriptionKeys } from "@/lib/client/use-subscriptions";

const regenerableStates = new Set(["active", "suspended", "submitted"]);

/** `apiId`: an API the subscription opens, for the example call. */
type Props = { subscription: Subscription; apiId?: string };

export function SubscriptionKeysPanel({ subscription, apiId }: Props) {
  const [shown, setShown] = useState(false);
  const [masked, setMasked] = useState(true);
  const keys = useSubscriptionKeys(subscription.id, { enabled: shown });
  const regenerate = useRegenerateSubscriptionKey(subscription.id);
  const regenerateKey = (key: "primary" | "secondary") => regenerate.mutate(key, { onSuccess: () => setShown(true) });

  const primaryKey = shown && !masked ? keys.data?.primaryKey : undefined;

  return (
    <div className="keys-panel">
      <div className="form-actions">
        <Button variant="secondary" size="sm" onClick={() => setShown((s) => !s)} aria-expanded={shown}>
          {shown ? "Hide keys" : "Show keys"}
        </Button>
        {shown && keys.data && (
          <Button variant="ghost" size="sm" aria-pressed={!masked} onClick={() => setMasked((m) => !m)}>
            {masked ? "Unmask keys" : "Mask keys"}
          </Button>
        )}
        {regenerableStates.has(subscription.state) &&
          (["primary", "secondary"] as const).map((key) => (
            <ConfirmButton
              key={key}
              variant="ghost"
              size="sm"
              busy={regenerate.isPending && regenerate.variables === key}
              confirm={{
                title: `Regenerate the ${key} key of ${subscription.name}?`,
                body: `The current ${key} key stops working at once: every call still sending it is refused (401). The ${key === "primary" ? "secondary" : "primary"} key keeps working, so switch your clients to it first.`,
                wayBack: "There is no way back: the old key cannot be restored.",
                confirmLabel: `Regenerate ${key} key`,
              }}
              onConfirm={() => regenerateKey(key)}
            >
              Regenerate {key}
            </ConfirmButton>
          ))}
      </div>
      <ErrorBanner error={keys.error ?? regenerate.error} />
      {regenerate.isSuccess && (
        <p className="success-banner" role="status">
          {regenerate.variables === "primary" ? "Primary" : "Secondary"} key regenerated; the old one no longer works.
        </p>
      )}
      {shown && keys.isPending && <p className="muted">Loading keys…</p>}
      {shown && keys.data && <KeysBox keys={keys.data} masked={masked} title={`Keys for ${subscription.name}`} />}
      <ExampleCall apiId={apiId} subscriptionKey={primaryKey} />
    </div>
  );
}
