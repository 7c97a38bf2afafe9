"use client";
import { useState } from "react";
import { ErrorBanner } from "@/components/ui/error-banner";
import { LoadMore } from "@/components/ui/load-more";
import { PageHeader } from "@/components/ui/page-header";
import { useMyApps } from "@/lib/client/use-my-apps";
import { useSubscriptions } from "@/lib/client/use-subscriptions";
import type { CreatedApp } from "@/lib/portal/apps/portal-app-schemas";
import { AppCard } from "./app-card";
import { CreateAppForm } from "./create-app-form";
import { SecretOnce } from "./secret-once";

/** Subscriptions whose keys still work somewhere: the ones worth binding. */
const bindable = new Set(["submitted", "active", "suspended"]);

type Props = { realm: string; tokenUrl: string; realmEnabled: boolean; ownUserId: string };

export function MyAppsClient({ realm, tokenUrl, realmEnabled, ownUserId }: Props) {
  const apps = useMyApps();
  // The server gives developers only their own; console roles ask for their own explicitly.
  const subscriptions = useSubscriptions({ userId: ownUserId });
  const [created, setCreated] = useState<CreatedApp | null>(null);
  const mySubscriptions = subscriptions.items.filter((s) => bindable.has(s.state)).map((s) => ({ id: s.id, name: s.name }));

  return (
    <>
      <PageHeader title="My apps" description="Applications that call JWT-protected APIs with their own OAuth credentials (client credentials)." />
      <div className="hint-box">
        <p>
          Your apps are clients of the realm <code>{realm}</code>. Outside the portal, an app gets tokens from{" "}
          <code data-testid="token-url">{tokenUrl}</code> with <code>grant_type=client_credentials</code> and its client id and secret.
        </p>
        {!realmEnabled && <p className="field-error">The realm is disabled right now: it issues no tokens until an admin enables it.</p>}
      </div>
      <CreateAppForm onCreated={setCreated} />
      {created && <SecretOnce clientId={created.app.clientId} secret={created.clientSecret} onDismiss={() => setCreated(null)} />}
      <ErrorBanner error={apps.error} title="Could not load your apps" />
      {apps.isPending && <p className="muted">Loading apps…</p>}
      {apps.isSuccess && apps.items.length === 0 && <p className="muted">You have no apps yet: register one above.</p>}
      <div className="stack">
        {apps.items.map((app) => (
          <AppCard key={app.id} app={app} subscriptions={mySubscriptions} />
        ))}
      </div>
      <LoadMore list={apps} />
    </>
  );
}
