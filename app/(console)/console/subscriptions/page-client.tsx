"use client";
import Link from "next/link";
import { useState } from "react";
import type { Subscription, SubscriptionState } from "@/lib/client/api-types";
import { formatDateTime } from "@/components/format";
import { Button } from "@/components/ui/button";
import { StateBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ConfirmButton, type Confirmation } from "@/components/ui/confirm-dialog";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { LoadMore } from "@/components/ui/load-more";
import { ListFilters } from "@/components/ui/list-filters";
import { Table } from "@/components/ui/table";
import { CreateSubscriptionForm } from "./create-subscription-form";
import { SubscriptionNameCell, SubscriptionOwnerCell, SubscriptionScopeCell } from "@/components/console/subscription-cells";
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
/** Suspending and cancelling cut a developer's keys off, so they ask first; approving does not. */
export function subscriptionStateConfirmation(sub: Pick<Subscription, "name">, to: TargetState): Confirmation | undefined {
  if (to === "suspended") {
    return {
      title: `Suspend ${sub.name}?`,
      body: `Calls with this subscription's keys are refused (403) by the gateway from now on.`,
      wayBack: "You can activate it again later: the same keys work again.",
      confirmLabel: "Suspend subscription",
    };
  }
  if (to === "cancelled") {
    return {
      title: `Cancel ${sub.name}?`,
      body: `Calls with this subscription's keys are refused by the gateway from now on, and its owner loses access.`,
      wayBack: "There is no way back: a cancelled subscription cannot be reactivated. The developer has to subscribe again and gets new keys.",
      confirmLabel: "Cancel subscription",
      cancelLabel: "Keep subscription",
    };
  }
  return undefined;
}

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
                <SubscriptionNameCell subscription={sub} />
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
                    {(transitions[sub.state] ?? []).map((t) => {
                      const confirm = subscriptionStateConfirmation(sub, t.to);
                      const act = () => changeState.mutate({ id: sub.id, state: t.to });
                      return confirm ? (
                        <ConfirmButton key={t.to} size="sm" variant={t.variant} disabled={busy} aria-label={`${t.label} ${sub.name}`} confirm={confirm} onConfirm={act}>
                          {t.label}
                        </ConfirmButton>
                      ) : (
                        <Button key={t.to} size="sm" variant={t.variant} disabled={busy} onClick={act}>
                          {t.label}
                        </Button>
                      );
                    })}
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
