"use client";
// Lifecycle actions: draft -> published -> deprecated -> retired (and back to
// published from deprecated). The server enforces the moves and governance; the
// buttons only offer the moves that exist from the current state.
import { useRef } from "react";
import type { Api, ApiLifecycle } from "@/lib/client/api-types";
import { formatDateTime } from "@/components/format";
import { StateBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Input } from "@/components/ui/field";
import { ChangeRollout } from "@/components/console/change-rollout";
import { useUpdateApi } from "@/lib/client/use-apis";

const moves: Record<ApiLifecycle, ApiLifecycle[]> = {
  draft: ["published"],
  published: ["deprecated"],
  deprecated: ["published", "retired"],
  retired: [],
};

const explain: Record<ApiLifecycle, string> = {
  draft: "Not on the gateway yet.",
  published: "Served by the gateway.",
  deprecated: "Still served, with Deprecation (and Sunset) headers on every response.",
  retired: "The gateway answers 410 Gone.",
};

const movingLabel: Record<ApiLifecycle, string> = { draft: "Moving", published: "Publishing", deprecated: "Deprecating", retired: "Retiring" };

export function LifecyclePanel({ api, canEdit }: { api: Api; canEdit: boolean }) {
  const sunsetRef = useRef<HTMLInputElement>(null);
  const update = useUpdateApi(api.id);

  function deprecate() {
    const date = sunsetRef.current?.value;
    // A date input gives "2030-07-01": the API wants a date-time; midnight UTC is the usual reading.
    update.mutate({ lifecycle: "deprecated", ...(date ? { sunsetAt: `${date}T00:00:00Z` } : {}) });
  }

  const next = moves[api.lifecycle];
  return (
    <Card title="Lifecycle" actions={<StateBadge state={api.lifecycle} />}>
      <p className="muted">
        {explain[api.lifecycle]}
        {api.sunsetAt && (api.lifecycle === "deprecated" || api.lifecycle === "retired") && <> Sunset: {formatDateTime(api.sunsetAt)}.</>}
      </p>
      {canEdit && next.length > 0 && (
        <div className="form">
          {next.includes("deprecated") && (
            <Input label="Sunset date" name="sunsetAt" type="date" ref={sunsetRef} hint="Optional: announced in the Sunset header." />
          )}
          <div className="form-actions">
            {next.includes("published") && (
              <Button busy={update.isPending} onClick={() => update.mutate({ lifecycle: "published" })}>
                Publish
              </Button>
            )}
            {next.includes("deprecated") && (
              <Button variant="secondary" busy={update.isPending} onClick={deprecate}>
                Deprecate
              </Button>
            )}
            {next.includes("retired") && (
              <ConfirmButton
                variant="danger"
                busy={update.isPending}
                confirm={{
                  title: `Retire ${api.name}?`,
                  body: `Every client calling ${api.name} gets 410 Gone from the gateway at once, whatever its subscription.`,
                  wayBack: "There is no way back: a retired API cannot be published or deprecated again. Import it as a new API to serve it again.",
                  confirmLabel: "Retire API",
                }}
                onConfirm={() => update.mutate({ lifecycle: "retired" })}
              >
                Retire
              </ConfirmButton>
            )}
          </div>
        </div>
      )}
      {/* Big APIs take seconds to compile for the gateways; the rest of the page stays usable meanwhile. */}
      <ChangeRollout label={`${movingLabel[update.variables?.lifecycle ?? "published"]} ${api.name}`} request={update} />
      <ErrorBanner error={update.error} title="Lifecycle change refused" />
    </Card>
  );
}
