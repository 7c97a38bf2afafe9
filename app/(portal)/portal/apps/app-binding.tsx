"use client";
// Binds one of my subscriptions to this app: where the API also checks a JWT, the gateway then
// takes that subscription's key only with this app's tokens (403 client_not_bound otherwise).
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorBanner } from "@/components/ui/error-banner";
import { useBindSubscriptionApp } from "@/lib/client/use-my-apps";
import type { AppResource } from "@/lib/portal/apps/portal-app-schemas";

type SubscriptionChoice = { id: string; name: string };

export function AppBinding({ app, subscriptions }: { app: AppResource; subscriptions: SubscriptionChoice[] }) {
  const bind = useBindSubscriptionApp();
  const selectId = useId();
  const boundIds = new Set(app.boundSubscriptions.map((s) => s.id));
  const choices = subscriptions.filter((s) => !boundIds.has(s.id));
  const [picked, setPicked] = useState("");
  const chosen = choices.find((s) => s.id === picked) ?? choices[0];

  return (
    <div className="app-binding">
      <p className="field-hint">
        Bound subscriptions: where an API needs both a key and a token, their keys work only with this app&apos;s tokens.
      </p>
      {app.boundSubscriptions.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain-list">
          {app.boundSubscriptions.map((s) => (
            <li key={s.id}>
              {s.name}{" "}
              <Button variant="ghost" size="sm" busy={bind.isPending && bind.variables?.subscriptionId === s.id} onClick={() => bind.mutate({ subscriptionId: s.id })} aria-label={`Unbind ${s.name} from ${app.name}`}>
                Unbind
              </Button>
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <div className="form-actions">
          <label htmlFor={selectId} className="field-label">
            Subscription
          </label>
          <select id={selectId} className="input select" value={chosen.id} onChange={(e) => setPicked(e.target.value)}>
            {choices.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <Button variant="secondary" size="sm" busy={bind.isPending && bind.variables?.appId === app.id} onClick={() => bind.mutate({ subscriptionId: chosen.id, appId: app.id })}>
            Bind to {app.name}
          </Button>
        </div>
      )}
      <ErrorBanner error={bind.error} title="Could not change the binding" />
    </div>
  );
}
