"use client";
// The API's own rate limit and quota (on top of its products'), who shares a
// counter, what happens while the gateways cannot reach the limiter's Redis,
// and whether legacy X-RateLimit-* headers are sent. One PATCH; the server
// validates (400 with the failing fields). Viewers see the same form, disabled.
import type { FormEvent } from "react";
import type { Api } from "@/lib/client/api-types";
import { CountingFields, limitFieldAliases, RateAndQuotaFields, readCounting, readRateAndQuota } from "@/components/console/limit-fields";
import { Card } from "@/components/ui/card";
import { GatewayPolicyForm } from "@/components/console/gateway-policy-form";
import { updateApiInputSchema } from "@/lib/apis/update-api-input";
import { useUpdateApi } from "@/lib/client/use-apis";
import { useRequestCheck } from "@/lib/client/use-request-check";

const apiLimitAliases = limitFieldAliases();

export function LimitsPanel({ api, canEdit }: { api: Api; canEdit: boolean }) {
  const update = useUpdateApi(api.id);
  const request = useRequestCheck(updateApiInputSchema);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    update.reset();
    const body = { ...readRateAndQuota(e.currentTarget), ...readCounting(e.currentTarget, "api") };
    if (request.check(body)) update.mutate(body);
  }

  return (
    <Card title="Rate limit and quota">
      <p className="muted">
        Enforced by the gateways on top of each product&apos;s limits: a call must pass both. Answers carry <code>RateLimit-Policy</code> and{" "}
        <code>RateLimit</code>; a refused call gets 429 with <code>Retry-After</code> and consumes nothing.
      </p>
      <GatewayPolicyForm
        label="Rate limit and quota"
        onSubmit={onSubmit}
        save={update}
        problem={request.problem}
        aliases={apiLimitAliases}
        canEdit={canEdit}
        submitLabel="Save limits"
        saved="Limits saved"
        errorTitle="Limits refused"
      >
        <RateAndQuotaFields limits={api} disabled={!canEdit} owner="of the API's own" />
        <CountingFields limits={api} scope="api" disabled={!canEdit} />
      </GatewayPolicyForm>
    </Card>
  );
}
