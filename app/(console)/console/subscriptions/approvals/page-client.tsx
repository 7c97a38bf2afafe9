"use client";
// The approval queue: subscription requests to products that need approval, oldest first.
// Approving activates the keys at the gateway; rejecting needs a reason the developer sees.
import Link from "next/link";
import { useState } from "react";
import { formatDateTime } from "@/components/format";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { LoadMore } from "@/components/ui/load-more";
import { Table } from "@/components/ui/table";
import { RejectRequestForm } from "./reject-request-form";
import { SubscriptionNameCell, SubscriptionOwnerCell, SubscriptionScopeCell } from "@/components/console/subscription-cells";
import { useChangeSubscriptionState, useSubscriptions, type StateChange } from "@/lib/client/use-subscriptions";

export function ApprovalsClient({ canDecide }: { canDecide: boolean }) {
  const [rejecting, setRejecting] = useState<string | null>(null);
  const pending = useSubscriptions({ state: "submitted" });
  const decide = useChangeSubscriptionState();
  const record = (decision: StateChange) => decide.mutate(decision, { onSuccess: () => setRejecting(null) });

  const columns = ["Subscription", "Product", "Requested by", "Requested", ...(canDecide ? ["Decision"] : [])];
  const items = pending.items;
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
      <Card title={`Submitted requests (${items.length}${pending.hasNextPage ? "+" : ""})`}>
        <Table caption="Pending approvals" columns={columns} loading={pending.isPending && "Loading requests…"} empty={pending.isSuccess && items.length === 0 && "No requests are waiting."}>
          {items.map((sub) => {
            const busy = decide.isPending && decide.variables?.id === sub.id;
            return (
              <tr key={sub.id}>
                <SubscriptionNameCell subscription={sub} />
                <SubscriptionScopeCell subscription={sub} />
                <SubscriptionOwnerCell subscription={sub} />
                <td>{formatDateTime(sub.createdAt)}</td>
                {canDecide && (
                  <td className="row-actions">
                    {rejecting === sub.id ? (
                      <RejectRequestForm
                        subscription={sub}
                        busy={busy}
                        onReject={(comment) => record({ id: sub.id, state: "rejected", comment })}
                        onCancel={() => setRejecting(null)}
                      />
                    ) : (
                      <>
                        <Button size="sm" disabled={busy} onClick={() => record({ id: sub.id, state: "active" })}>
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
        <LoadMore list={pending} />
      </Card>
    </>
  );
}
