"use client";
import { formatDateTime } from "@/components/format";
import { roleLabel } from "@/components/role-label";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { LoadMore } from "@/components/ui/load-more";
import { Table } from "@/components/ui/table";
import { useRevokeToken, useTokens } from "@/lib/client/use-tokens";
import { CreateTokenForm } from "./create-token-form";

const columns = ["Name", "Token", "Role", "Created by", "Last used", "Expires", "Status", ""];
const statusTone = { active: "success", expired: "neutral", revoked: "danger" } as const;

export function TokensClient() {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const items = tokens.items;

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Bearer tokens for scripts and CI calling the management API. Only a hash is stored: a token is shown once."
      />
      <ErrorBanner error={tokens.error} />
      <ErrorBanner error={revoke.error} title="Could not revoke the token" />
      <CreateTokenForm />
      <Card title="All tokens">
        <Table caption="API tokens" columns={columns} loading={tokens.isPending && "Loading tokens…"} empty={tokens.isSuccess && items.length === 0 && "No tokens yet."}>
          {items.map((token) => (
            <tr key={token.id}>
              <td className="strong">{token.name}</td>
              <td>
                <code>{token.prefix}…</code>
              </td>
              <td>{roleLabel(token.role)}</td>
              <td>{token.createdBy?.email ?? <span className="muted">ADMIN_API_TOKEN</span>}</td>
              <td>{formatDateTime(token.lastUsedAt)}</td>
              <td>{formatDateTime(token.expiresAt)}</td>
              <td>
                <Badge tone={statusTone[token.status]}>{token.status}</Badge>
              </td>
              <td>
                {token.status !== "revoked" && (
                  <ConfirmButton
                    size="sm"
                    variant="danger"
                    aria-label={`Revoke ${token.name}`}
                    busy={revoke.isPending && revoke.variables === token.id}
                    confirm={{
                      title: `Revoke the token ${token.name}?`,
                      body: `Every script or CI job using ${token.prefix}… is refused (401) from its next call.`,
                      wayBack: "There is no way back: a revoked token cannot be restored. Create a new token and give it to the scripts that need it.",
                      confirmLabel: "Revoke token",
                    }}
                    onConfirm={() => revoke.mutate(token.id)}
                  >
                    Revoke
                  </ConfirmButton>
                )}
              </td>
            </tr>
          ))}
        </Table>
        <LoadMore list={tokens} />
      </Card>
    </>
  );
}
