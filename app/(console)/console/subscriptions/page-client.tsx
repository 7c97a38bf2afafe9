"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, jsonBody } from "@/components/api-client";
import type { ListResponse, Subscription, SubscriptionState } from "@/components/api-types";
import { formatDateTime } from "@/components/format";
import { Button } from "@/components/ui/button";
import { StateBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableMessageRow } from "@/components/ui/table";
import { queryKeys } from "@/components/query-keys";
import { CreateSubscriptionForm } from "./create-subscription-form";

type TargetState = "active" | "suspended" | "cancelled";
type Transition = { to: TargetState; label: string; variant: "primary" | "secondary" | "danger" };

// Only offer the transitions that make sense from each state (the server has the final word).
const transitions: Partial<Record<SubscriptionState, Transition[]>> = {
  submitted: [{ to: "active", label: "Activate", variant: "primary" }, { to: "cancelled", label: "Cancel", variant: "danger" }],
  active: [{ to: "suspended", label: "Suspend", variant: "secondary" }, { to: "cancelled", label: "Cancel", variant: "danger" }],
  suspended: [{ to: "active", label: "Activate", variant: "primary" }, { to: "cancelled", label: "Cancel", variant: "danger" }],
};

export function SubscriptionsClient({ canEdit }: { canEdit: boolean }) {
  const queryClient = useQueryClient();
  const subscriptions = useQuery({
    queryKey: queryKeys.subscriptions,
    queryFn: () => apiFetch<ListResponse<Subscription>>("/api/v1/subscriptions"),
  });
  const changeState = useMutation({
    mutationFn: ({ id, state }: { id: string; state: TargetState }) =>
      apiFetch<Subscription>(`/api/v1/subscriptions/${encodeURIComponent(id)}`, jsonBody("PATCH", { state })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.subscriptions }),
  });

  const columns = ["Name", "Product", "Owner", "State", "Created", ...(canEdit ? ["Actions"] : [])];
  const items = subscriptions.data?.items ?? [];

  return (
    <>
      <PageHeader title="Subscriptions" description="Who may call which product, with which keys. Approve, suspend or cancel here." />
      <ErrorBanner error={subscriptions.error} />
      <ErrorBanner error={changeState.error} title="Could not change the subscription" />
      <Card title="All subscriptions">
        <Table caption="Subscriptions" columns={columns}>
          {subscriptions.isPending && <TableMessageRow colSpan={columns.length}>Loading subscriptions…</TableMessageRow>}
          {subscriptions.isSuccess && items.length === 0 && (
            <TableMessageRow colSpan={columns.length}>No subscriptions yet.</TableMessageRow>
          )}
          {items.map((sub) => {
            const busy = changeState.isPending && changeState.variables?.id === sub.id;
            return (
              <tr key={sub.id}>
                <td className="strong">{sub.name}</td>
                <td>{sub.product?.name ?? (sub.api ? `API: ${sub.api.name}` : "All APIs")}</td>
                <td>
                  {sub.user ? (
                    <>
                      {sub.user.name}
                      <span className="cell-sub">{sub.user.email}</span>
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  <StateBadge state={sub.state} />
                  {sub.stateComment && <span className="cell-sub">{sub.stateComment}</span>}
                </td>
                <td>{formatDateTime(sub.createdAt)}</td>
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
                  </td>
                )}
              </tr>
            );
          })}
        </Table>
      </Card>
      {canEdit && <CreateSubscriptionForm />}
    </>
  );
}
