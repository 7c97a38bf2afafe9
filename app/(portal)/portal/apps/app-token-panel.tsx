"use client";
// One click, one access token of this app (client credentials on the server): shown with a
// copy button and when it expires, for calling the API through the gateway.
import { useState } from "react";
import { formatDateTime } from "@/components/format";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorBanner } from "@/components/ui/error-banner";
import { useMyAppToken } from "@/lib/client/use-my-apps";
import type { AppResource, AppToken } from "@/lib/portal/apps/portal-app-schemas";

export function AppTokenPanel({ app }: { app: AppResource }) {
  const token = useMyAppToken();
  const [shown, setShown] = useState<AppToken | null>(null);
  return (
    <div className="app-token-panel">
      <div className="form-actions">
        <Button variant="secondary" size="sm" busy={token.isPending} onClick={() => token.mutate(app.id, { onSuccess: setShown })} aria-label={`Get a token for ${app.name}`}>
          Get a token
        </Button>
        {shown && (
          <Button variant="ghost" size="sm" onClick={() => setShown(null)}>
            Hide token
          </Button>
        )}
      </div>
      <ErrorBanner error={token.error} title="Could not get a token" />
      {shown && (
        <div className="keys-box" role="region" aria-label={`Access token of ${app.name}`}>
          <p className="keys-box-title">
            Access token, valid until {formatDateTime(shown.expiresAt)}. Send it as <code>Authorization: Bearer …</code>.
          </p>
          <code className="token-text" data-testid="app-access-token">
            {shown.accessToken}
          </code>{" "}
          <CopyButton value={shown.accessToken} label={`the access token of ${app.name}`} />
        </div>
      )}
    </div>
  );
}
