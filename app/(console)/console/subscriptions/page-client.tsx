"use client";
import Link from "next/link";
import { useState } from "react";
import type { SubscriptionState } from "@/lib/client/api-types";
import { formatDateTime } from "@/components/format";
import { Button } from "@/components/ui/button";
import { StateBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { LoadMore } from "@/components/ui/load-more";
import { ListFilters } from "@/components/ui/list-filters";
import { Table } from "@/components/ui/table";
import { CreateSubscriptionForm } from "./create-subscription-form";
import { SubscriptionOwnerCell, SubscriptionScopeCell } from "@/components/console/subscription-cells";
import { useChangeSubscriptionState, useSubscriptions } from "@/lib/client/use-subscriptions";

type TargetState = "active" | "suspended" | "cancelled";
type Transition = { to: TargetState; label: string; variant: "primary" | "secondary" | "danger" };

// Only offer the transitions that make sense from each state (the server has the final word).
// Rejecting needs a reason, so submitted requests are rejected from the approvals view.
const transitions: Partial<Record<SubscriptionState, Transition[]>> = {
  submitted: [{ to: "active", label: "Approve", variant: "primary" }],
  active: [{ to: "suspended", label: "Suspend", variant: "secondary" }, { to: "cancelled", label: "Cancel", variant: "danger" }],
  suspended: [{ to: "active", label: "Activate", variant: "primary" }, { to: "cancelled", label: "Cancel", variant: "danger" }],
};
const stateFilters: SubscriptionState[] = ["submitted", "active", "suspended", "rejected", "cancelled", "expired"];

export function SubscriptionsClient({ canEdit }: { canEdit: boolean }) {
  const [stateFilter, setStateFilter] = useState<SubscriptionState | "">("");
  const [search, setSearch] = useState<string | undefined>();
  const subscriptions = useSubscriptions({ state: stateFilter || undefined, search });
  const changeState = useChangeSubscriptionState();

  const columns = ["Name", "Product / API", "Owner", "State", "Created", "Expires", ...(canEdit ? ["Actions"] : [])];
  const items = subscriptions.items;

  return (
    <>
      <PageHeader
        title="Subscriptions"
        description="Who may call which product or API, with which keys. Approve, suspend or cancel here."
        actions={<Link href="/console/subscriptions/approvals">Pending approvals</Link>}
      />
      <ErrorBanner error={subscriptions.error} />
      <ErrorBanner error={changeState.error} title="Could not change the subscription" />
      <Card
        title="All subscriptions"
        actions={
          <ListFilters
            search={{ label: "Search subscriptions", placeholder: "Name", onSearch: setSearch }}
            choice={{ label: "State", anyLabel: "Any state", options: stateFilters, value: stateFilter, onChange: setStateFilter }}
          />
        }
      >
        <Table caption="Subscriptions" columns={columns} loading={subscriptions.isPending && "Loading subscriptions…"} empty={subscriptions.isSuccess && items.length === 0 && <>No subscriptions{stateFilter && ` in state ${stateFilter}`}{search && ` matching “${search}”`}.</>}>
          {items.map((sub) => {
            const busy = changeState.isPending && changeState.variables?.id === sub.id;
            return (
              <tr key={sub.id}>
                <td className="strong">
                  <Link href={`/console/subscriptions/${encodeURIComponent(sub.id)}`}>{sub.name}</Link>
                </td>
                <SubscriptionScopeCell subscription={sub} />
                <SubscriptionOwnerCell subscription={sub} />
                <td>
                  <StateBadge state={sub.state} />
                  {sub.stateComment && <span className="cell-sub">{sub.stateComment}</span>}
                </td>
                <td>{formatDateTime(sub.createdAt)}</td>
                <td>{sub.expiresAt ? formatDateTime(sub.expiresAt) : <span className="muted">Never</span>}</td>
                {canEdit && (
                  <td className="row-actions">
                    {(transitions[sub.state] ?? []).map((t) => (
                      <Button
                        key={t.to}
                        size="sm"
                        variant={t.variant}
                        disabled={busy}
                        onClick={() => changeState.mutate({ id: sub.id, state: t.to })}
                      >
                        {t.label}
                      </Button>
                    ))}
                    {sub.state === "submitted" && <Link href="/console/subscriptions/approvals">Reject…</Link>}
                  </td>
                )}
              </tr>
            );
          })}
        </Table>
        <LoadMore list={subscriptions} />
      </Card>
      {canEdit && <CreateSubscriptionForm />}
    </>
  );
}
