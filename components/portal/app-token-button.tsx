"use client";
// "Get a token" from one of my apps (portal My apps), for any page that needs a bearer token for
// a JWT-protected API (try-it embeds it): pick an app when there are several, one click runs the
// app's client_credentials grant on the server (the secret never reaches the browser again), and
// onToken receives the access token. Without apps it says where to register one.
import Link from "next/link";
import { useId, useState } from "react";
import type { AppToken } from "@/lib/portal/apps/portal-app-schemas";
import { Button } from "@/components/ui/button";
import { ErrorBanner } from "@/components/ui/error-banner";
import { useMyApps, useMyAppToken } from "@/lib/client/use-my-apps";

type Props = {
  onToken: (token: AppToken) => void;
  /** Preselects this app (its id) when it is one of the caller's. */
  appId?: string;
  label?: string;
};

export function AppTokenButton({ onToken, appId, label = "Get a token" }: Props) {
  const apps = useMyApps();
  const token = useMyAppToken();
  const [picked, setPicked] = useState<string | undefined>(appId);
  const selectId = useId();
  const chosen = apps.items.find((a) => a.id === picked) ?? apps.items[0];

  if (apps.isPending) return <p className="muted">Loading your apps…</p>;
  if (apps.error) return <ErrorBanner error={apps.error} title="Your apps are not available" />;
  if (!chosen) {
    return (
      <p className="muted">
        You have no apps yet. <Link href="/portal/apps">Register an app</Link> to get tokens.
      </p>
    );
  }
  return (
    <div className="app-token-button">
      <div className="form-actions">
        {apps.items.length > 1 && (
          <>
            <label htmlFor={selectId} className="field-label">
              App
            </label>
            <select id={selectId} className="input select" value={chosen.id} onChange={(e) => setPicked(e.target.value)}>
              {apps.items.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.clientId})
                </option>
              ))}
            </select>
          </>
        )}
        <Button
          variant="secondary"
          size="sm"
          busy={token.isPending}
          aria-label={`${label} for ${chosen.name}`}
          onClick={() => token.mutate(chosen.id, { onSuccess: onToken })}
        >
          {label}
        </Button>
      </div>
      <ErrorBanner error={token.error} title="Could not get a token" />
    </div>
  );
}
