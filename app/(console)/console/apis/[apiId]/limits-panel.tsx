"use client";
// The API's own rate limit and quota (on top of its products'), who shares a
// counter, what happens while the gateways cannot reach the limiter's Redis,
// and whether legacy X-RateLimit-* headers are sent. One PATCH; the server
// validates (400 with the failing fields). Viewers see the same form, disabled.
import type { Api } from "@/lib/client/api-types";
import { CountingFields, limitFieldAliases, RateAndQuotaFields, readCounting, readRateAndQuota } from "@/components/console/limit-fields";
import { Card } from "@/components/ui/card";
import { GatewayPolicyForm } from "@/components/console/gateway-policy-form";
import { updateApiInputSchema } from "@/lib/apis/update-api-input";
import { useUpdateApi } from "@/lib/client/use-apis";
import { useCheckedSubmit } from "@/lib/client/use-request-check";

const apiLimitAliases = limitFieldAliases();

export function LimitsPanel({ api, canEdit }: { api: Api; canEdit: boolean }) {
  const submit = useCheckedSubmit(useUpdateApi(api.id), updateApiInputSchema, (form) => ({
    ...readRateAndQuota(form),
    ...readCounting(form, "api"),
  }));

  return (
    <Card title="Rate limit and quota">
      <p className="muted">
        Enforced by the gateways on top of each product&apos;s limits: a call must pass both. Answers carry <code>RateLimit-Policy</code> and{" "}
        <code>RateLimit</code>; a refused call gets 429 with <code>Retry-After</code> and consumes nothing.
      </p>
      <GatewayPolicyForm
        label="Rate limit and quota"
        submit={submit}
        aliases={apiLimitAliases}
        canEdit={canEdit}
        saves="limits"
      >
        <RateAndQuotaFields limits={api} disabled={!canEdit} owner="of the API's own" />
        <CountingFields limits={api} scope="api" disabled={!canEdit} />
      </GatewayPolicyForm>
    </Card>
  );
}
