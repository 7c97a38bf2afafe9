"use client";
// One app: its client id, roles and bindings; get a token, rotate the secret, delete it.
import { useState } from "react";
import { formatDateTime } from "@/components/format";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorBanner } from "@/components/ui/error-banner";
import { useDeleteMyApp, useRotateMyAppSecret } from "@/lib/client/use-my-apps";
import type { AppResource } from "@/lib/portal/apps/portal-app-schemas";
import { AppBinding } from "./app-binding";
import { AppTokenPanel } from "./app-token-panel";
import { SecretOnce } from "./secret-once";

type Props = { app: AppResource; subscriptions: { id: string; name: string }[] };

export function AppCard({ app, subscriptions }: Props) {
  const rotate = useRotateMyAppSecret();
  const remove = useDeleteMyApp();
  const [secret, setSecret] = useState<string | null>(null);

  return (
    <Card
      as="article"
      id={`app-${app.id}`}
      title={app.name}
      actions={
        <>
          <ConfirmButton
            variant="secondary"
            size="sm"
            busy={rotate.isPending}
            aria-label={`Rotate the secret of ${app.name}`}
            confirm={{
              title: `Rotate the secret of ${app.name}?`,
              body: "The current secret stops working at once: anything still using it gets no new tokens (tokens already issued stay valid until they expire).",
              wayBack: "There is no way back: the old secret cannot be restored. The new one is shown once.",
              confirmLabel: "Rotate secret",
            }}
            onConfirm={() => rotate.mutate(app.id, { onSuccess: (r) => setSecret(r.clientSecret) })}
          >
            Rotate secret
          </ConfirmButton>
          <ConfirmButton
            variant="danger"
            size="sm"
            busy={remove.isPending}
            aria-label={`Delete ${app.name}`}
            confirm={{
              title: `Delete ${app.name}?`,
              body: `Its client ${app.clientId} and its secret are deleted: it gets no new tokens, and subscriptions bound to it are unbound.`,
              wayBack: "There is no way back: register a new app to get credentials again (an admin grants its roles anew).",
              confirmLabel: "Delete app",
            }}
            onConfirm={() => remove.mutate(app.id)}
          >
            Delete
          </ConfirmButton>
        </>
      }
    >
      {app.description && <p>{app.description}</p>}
      <dl className="keys">
        <dt>Client id</dt>
        <dd>
          <code data-testid="app-client-id">{app.clientId}</code> <CopyButton value={app.clientId} label={`the client id of ${app.name}`} />
        </dd>
        <dt>Roles</dt>
        <dd data-testid="app-roles">
          {app.roles.length > 0 ? app.roles.join(", ") : <span className="muted">None yet: an admin of the workspace grants roles to apps.</span>}
        </dd>
        <dt>Registered</dt>
        <dd>{formatDateTime(app.createdAt)}</dd>
      </dl>
      {!app.enabled && (
        <p className="field-error" role="status">
          Disabled by an admin: it gets no tokens until it is enabled again.
        </p>
      )}
      <ErrorBanner error={rotate.error ?? remove.error} title="The app was not changed" />
      {secret && <SecretOnce clientId={app.clientId} secret={secret} onDismiss={() => setSecret(null)} />}
      <AppTokenPanel app={app} />
      <AppBinding app={app} subscriptions={subscriptions} />
    </Card>
  );
}
