"use client";
// Deleting an API, saying first what it does: the gateways stop serving its path (404, unlike a
// retired API's 410), products that bundle it lose it, and there is no undo. Live subscriptions
// to the API block it unless the user also chooses to cancel them (the server refuses with 409).
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Api } from "@/lib/client/api-types";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/field";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { ErrorBanner } from "@/components/ui/error-banner";
import { useDeleteApi } from "@/lib/client/use-api-console";

export function DeleteApiCard({ api }: { api: Api }) {
  const router = useRouter();
  const [cancelSubscriptions, setCancelSubscriptions] = useState(false);
  const remove = useDeleteApi(api.id);
  const path = `/${api.gatewayPath ?? api.path}`;

  return (
    <Card title="Delete API" id="delete-api">
      <p>
        Deleting <strong>{api.name}</strong> removes it from every product that contains it and deletes its revisions, operation rules and ended subscriptions.
        The gateways stop serving <code>{path}</code> at once: clients get 404. To stop clients with a clear 410 instead, retire it.
      </p>
      <Checkbox
        label="Also cancel the live subscriptions to this API (otherwise deletion is refused while there are any)"
        checked={cancelSubscriptions}
        onChange={(e) => setCancelSubscriptions(e.target.checked)}
      />
      <div className="form-actions">
        <ConfirmButton
          variant="danger"
          busy={remove.isPending}
          confirm={{
            title: `Delete ${api.name}?`,
            body: (
              <>
                The gateways stop serving <code>{path}</code> at once (404 for every client); products that bundle it lose it
                {cancelSubscriptions ? "; its live subscriptions are cancelled" : "; refused if it still has live subscriptions"}.
              </>
            ),
            wayBack: "There is no undo: importing the document again creates a new API with new subscriptions.",
            confirmLabel: "Delete API",
          }}
          onConfirm={() =>
            remove.mutate({ deleteSubscriptions: cancelSubscriptions }, { onSuccess: () => router.push("/console/apis") })
          }
        >
          Delete API…
        </ConfirmButton>
      </div>
      <ErrorBanner error={remove.error} title="Not deleted" />
    </Card>
  );
}
