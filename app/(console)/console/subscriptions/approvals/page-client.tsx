"use client";
// The approval queue: subscription requests to products that need approval, oldest first.
// Approving activates the keys at the gateway; rejecting needs a reason the developer sees.
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch, jsonBody } from "@/components/api-client";
import type { ListResponse, Subscription } from "@/components/api-types";
import { formatDateTime } from "@/components/format";
import { queryKeys } from "@/components/query-keys";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableMessageRow } from "@/components/ui/table";
import { RejectRequestForm } from "./reject-request-form";
import { SubscriptionOwnerCell, SubscriptionScopeCell } from "@/components/console/subscription-cells";

export type Decision = { id: string; state: "active" | "rejected"; comment?: string };

export function ApprovalsClient({ canDecide }: { canDecide: boolean }) {
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState<string | null>(null);
  const pending = useQuery({
    queryKey: [...queryKeys.subscriptions, "submitted"],
    queryFn: () => apiFetch<ListResponse<Subscription>>("/api/v1/subscriptions?state=submitted"),
  });
  const decide = useMutation({
    mutationFn: ({ id, ...body }: Decision) =>
      apiFetch<Subscription>(`/api/v1/subscriptions/${encodeURIComponent(id)}`, jsonBody("PATCH", body)),
    onSuccess: () => {
      setRejecting(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.subscriptions });
    },
  });

  const columns = ["Subscription", "Product", "Requested by", "Requested", ...(canDecide ? ["Decision"] : [])];
  const items = pending.data?.items ?? [];
  return (
    <>
      <Link href="/console/subscriptions" className="back-link">
        ← All subscriptions
      </Link>
      <PageHeader title="Pending approvals" description="Requests to products that need approval. The developer sees your decision and reason in the portal." />
      <ErrorBanner error={pending.error} />
      <ErrorBanner error={decide.error} title="Could not record the decision" />
      {decide.isSuccess && (
        <p className="success-banner" role="status">
          {decide.data.state === "active" ? `Approved "${decide.data.name}".` : `Rejected "${decide.data.name}".`}
        </p>
      )}
      <Card title={`Submitted requests (${items.length})`}>
        <Table caption="Pending approvals" columns={columns}>
          {pending.isPending && <TableMessageRow colSpan={columns.length}>Loading requests…</TableMessageRow>}
          {pending.isSuccess && items.length === 0 && <TableMessageRow colSpan={columns.length}>No requests are waiting.</TableMessageRow>}
          {items.map((sub) => {
            const busy = decide.isPending && decide.variables?.id === sub.id;
            return (
              <tr key={sub.id}>
                <td className="strong">{sub.name}</td>
                <SubscriptionScopeCell subscription={sub} />
                <SubscriptionOwnerCell subscription={sub} />
                <td>{formatDateTime(sub.createdAt)}</td>
                {canDecide && (
                  <td className="row-actions">
                    {rejecting === sub.id ? (
                      <RejectRequestForm
                        subscription={sub}
                        busy={busy}
                        onReject={(comment) => decide.mutate({ id: sub.id, state: "rejected", comment })}
                        onCancel={() => setRejecting(null)}
                      />
                    ) : (
                      <>
                        <Button size="sm" disabled={busy} onClick={() => decide.mutate({ id: sub.id, state: "active" })}>
                          Approve
                        </Button>
                        <Button size="sm" variant="danger" disabled={busy} onClick={() => setRejecting(sub.id)}>
                          Reject
                        </Button>
                      </>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </Table>
      </Card>
    </>
  );
}
