"use client";
// A realm's active sessions (one per sign-in): who, which client, when it started and was last
// refreshed, when it ends; filtered by username or client on the server, paged. Revoking one
// stops its refresh token and makes every gateway refuse its access tokens; "Sign out
// everywhere" does that for all of one user's sessions.
import { useState } from "react";
import type { RealmSession } from "@/lib/client/api-types";
import { formatDateTime } from "@/components/format";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { ErrorBanner } from "@/components/ui/error-banner";
import { LoadMore } from "@/components/ui/load-more";
import { SearchBox } from "@/components/ui/search-box";
import { Table } from "@/components/ui/table";
import { useLogoutRealmUser, useRealmSessionPage, useRevokeRealmSession } from "@/lib/client/use-realm-sessions";

function SessionActions({ realm, session }: { realm: string; session: RealmSession }) {
  const revoke = useRevokeRealmSession(realm);
  const logout = useLogoutRealmUser(realm);
  return (
    <div className="form-actions">
      <ConfirmButton
        size="sm"
        variant="danger"
        busy={revoke.isPending}
        aria-label={`Revoke session ${session.id}`}
        confirm={{
          title: `Revoke this session of ${session.username}?`,
          body: "Its refresh token stops working at once and gateways refuse its access tokens within seconds: the application signed in this way must sign in again.",
          wayBack: "There is no way back: the user signs in again to get a new session.",
          confirmLabel: "Revoke session",
        }}
        onConfirm={() => revoke.mutate(session.id)}
      >
        Revoke
      </ConfirmButton>
      <ConfirmButton
        size="sm"
        variant="secondary"
        busy={logout.isPending}
        aria-label={`Sign ${session.username} out everywhere`}
        confirm={{
          title: `Sign ${session.username} out everywhere?`,
          body: "Every session of this user ends: all their applications must sign in again.",
          wayBack: "There is no way back: they sign in again.",
          confirmLabel: "Sign out everywhere",
        }}
        onConfirm={() => logout.mutate(session.userId)}
      >
        Sign out everywhere
      </ConfirmButton>
      {(revoke.error ?? logout.error) && <span className="field-hint">{(revoke.error ?? logout.error)!.message}</span>}
    </div>
  );
}

export function RealmSessionsCard({ name, canManage }: { name: string; canManage: boolean }) {
  const [username, setUsername] = useState<string | undefined>(undefined);
  const [clientId, setClientId] = useState<string | undefined>(undefined);
  const sessions = useRealmSessionPage(name, { username, clientId });
  const items = sessions.items;
  return (
    <Card title="Sessions">
      <p className="field-hint">
        Each sign-in of a realm user is a session. Revoking it ends its refresh token at once; gateways refuse its access tokens within seconds. Realm users
        manage their own second factors (authenticator app, passkeys, recovery codes) at <a href={`/realms/${encodeURIComponent(name)}/account`}>their account page</a>.
      </p>
      <ErrorBanner error={sessions.error} />
      <div className="form-row">
        <SearchBox label="Filter by username" placeholder="exact username" onSearch={setUsername} />
        <SearchBox label="Filter by client" placeholder="client_id" onSearch={setClientId} />
      </div>
      <Table
        caption="Active sessions"
        columns={["User", "Client", "Started", "Last used", "Expires", ...(canManage ? [""] : [])]}
        loading={sessions.isPending && "Loading sessions…"}
        empty={sessions.isSuccess && items.length === 0 && "No active sessions."}
      >
        {items.map((session) => (
          <tr key={session.id}>
            <td className="strong">{session.username}</td>
            <td>{session.clientId}</td>
            <td>{formatDateTime(session.startedAt)}</td>
            <td>{formatDateTime(session.lastUsedAt)}</td>
            <td>{formatDateTime(session.expiresAt)}</td>
            {canManage && (
              <td>
                <SessionActions realm={name} session={session} />
              </td>
            )}
          </tr>
        ))}
      </Table>
      <LoadMore list={sessions} />
    </Card>
  );
}
