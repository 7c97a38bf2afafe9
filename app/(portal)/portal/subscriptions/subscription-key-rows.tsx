"use client";
// A subscription's two keys on its own page: each masked until shown, copied with a button,
// and regenerated only after saying that the old key stops working at once.
import { Fragment, useState } from "react";
import type { Subscription } from "@/lib/client/api-types";
import { maskSecret } from "@/components/format";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorBanner } from "@/components/ui/error-banner";
import { ExampleCall } from "@/components/portal/example-call";
import { useRegenerateSubscriptionKey, useSubscriptionKeys } from "@/lib/client/use-subscriptions";

type Slot = "primary" | "secondary";
const slots: Slot[] = ["primary", "secondary"];
const other = (slot: Slot): Slot => (slot === "primary" ? "secondary" : "primary");

/** `apiId`: an API the subscription opens, for the example call. */
type Props = { subscription: Subscription; apiId?: string };

export function SubscriptionKeyRows({ subscription, apiId }: Props) {
  const keys = useSubscriptionKeys(subscription.id, { enabled: true });
  const regenerate = useRegenerateSubscriptionKey(subscription.id);
  const [shown, setShown] = useState<Record<Slot, boolean>>({ primary: false, secondary: false });
  const keyOf = (slot: Slot) => (slot === "primary" ? keys.data?.primaryKey : keys.data?.secondaryKey);
  const primary = shown.primary ? keys.data?.primaryKey : undefined;

  return (
    <>
      <ErrorBanner error={keys.error ?? regenerate.error} title={regenerate.error ? "Could not regenerate the key" : "Could not load the keys"} />
      {keys.isPending && <p className="muted">Loading keys…</p>}
      {keys.data && (
        <dl className="keys">
          {slots.map((slot) => {
            const key = keyOf(slot) ?? "";
            const label = `${slot} key`;
            return (
              <Fragment key={slot}>
                <dt>{slot === "primary" ? "Primary key" : "Secondary key"}</dt>
                <dd>
                  <code data-testid={`${slot}-key`} style={{ overflowWrap: "anywhere" }} aria-label={shown[slot] ? `The ${label}` : `The ${label}, hidden`}>
                    {shown[slot] ? key : maskSecret(key)}
                  </code>{" "}
                  <Button size="sm" variant="ghost" onClick={() => setShown((s) => ({ ...s, [slot]: !s[slot] }))}>
                    {shown[slot] ? `Hide ${label}` : `Show ${label}`}
                  </Button>
                  <CopyButton value={key} label={label} />
                  <ConfirmButton
                    variant="ghost"
                    size="sm"
                    busy={regenerate.isPending && regenerate.variables === slot}
                    confirm={{
                      title: `Regenerate the ${label} of ${subscription.name}?`,
                      body: `The current ${label} stops working at once: every call still sending it is refused (401). The ${other(slot)} key keeps working, so switch your clients to it first.`,
                      wayBack: "There is no way back: the old key cannot be restored.",
                      confirmLabel: `Regenerate ${label}`,
                    }}
                    onConfirm={() => regenerate.mutate(slot)}
                  >
                    Regenerate {label}
                  </ConfirmButton>
                </dd>
              </Fragment>
            );
          })}
        </dl>
      )}
      {regenerate.isSuccess && (
        <p className="success-banner" role="status">
          {regenerate.variables === "primary" ? "Primary" : "Secondary"} key regenerated; the old one no longer works.
        </p>
      )}
      <p className="field-hint">
        Send a key in the <code>Ocp-Apim-Subscription-Key</code> header (or the <code>subscription-key</code> query parameter).
      </p>
      <ExampleCall apiId={apiId} subscriptionKey={primary} />
    </>
  );
}
