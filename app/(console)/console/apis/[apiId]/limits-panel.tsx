"use client";
// The API's own rate limit and quota (on top of its products'), who shares a
// counter, what happens while the gateways cannot reach the limiter's Redis,
// and whether legacy X-RateLimit-* headers are sent. One PATCH; the server
// validates (400 with the failing fields). Viewers see the same form, disabled.
import type { FormEvent } from "react";
import type { Api } from "@/lib/client/api-types";
import { CountingFields, RateAndQuotaFields, readCounting, readRateAndQuota } from "@/components/console/limit-fields";
import { Card } from "@/components/ui/card";
import { FormFooter } from "@/components/ui/form-footer";
import { useUpdateApi } from "@/lib/client/use-apis";

export function LimitsPanel({ api, canEdit }: { api: Api; canEdit: boolean }) {
  const update = useUpdateApi(api.id);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    update.mutate({ ...readRateAndQuota(e.currentTarget), ...readCounting(e.currentTarget, "api") });
  }

  return (
    <Card title="Rate limit and quota">
      <p className="muted">
        Enforced by the gateways on top of each product&apos;s limits: a call must pass both. Answers carry <code>RateLimit-Policy</code> and{" "}
        <code>RateLimit</code>; a refused call gets 429 with <code>Retry-After</code> and consumes nothing.
      </p>
      <form className="form" onSubmit={onSubmit} aria-label="Rate limit and quota">
        <RateAndQuotaFields limits={api} disabled={!canEdit} owner="of the API's own" />
        <CountingFields limits={api} scope="api" disabled={!canEdit} />
        <FormFooter
          submitLabel="Save limits"
          variant="secondary"
          busy={update.isPending}
          error={update.error}
          errorTitle="Limits refused"
          success={update.isSuccess ? "Limits saved; the gateways enforce them within seconds." : undefined}
          hideActions={!canEdit}
        />
      </form>
    </Card>
  );
}
