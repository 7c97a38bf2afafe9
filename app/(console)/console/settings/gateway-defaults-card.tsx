"use client";
// The workspace's gateway defaults (the "gatewayPolicy" settings section): a
// rate limit and quota for every API whose product and API set none of that
// kind, how limits are counted and answered, and the request rules every API
// gets where no product, API or operation sets its own. Its own form and PATCH,
// checked with the route's schema. Platform admins edit; others see it disabled.
import type { WorkspaceSettings } from "@/lib/client/api-types";
import { CountingFields, limitFieldAliases, RateAndQuotaFields, readCounting, readRateAndQuota } from "@/components/console/limit-fields";
import { readRules, RequestRuleFields, ruleFieldAliases } from "@/components/console/request-rule-fields";
import { Card } from "@/components/ui/card";
import { useCheckedSubmit } from "@/lib/client/use-request-check";
import { useUpdateSettings } from "@/lib/client/use-settings";
import { workspaceSettingsPatchSchema } from "@/lib/settings/workspace-settings-schema";
import { GatewayPolicyForm } from "@/components/console/gateway-policy-form";

/** The PATCH nests the policy under gatewayPolicy: its refusals name "gatewayPolicy.rateLimit.calls" and the like. */
const gatewayDefaultsAliases = { ...limitFieldAliases("gatewayPolicy."), ...ruleFieldAliases("gatewayPolicy.") };

export function GatewayDefaultsCard({ policy, canEdit }: { policy: WorkspaceSettings["gatewayPolicy"]; canEdit: boolean }) {
  const submit = useCheckedSubmit(useUpdateSettings(), workspaceSettingsPatchSchema, (form) => ({
    gatewayPolicy: { ...readRateAndQuota(form), ...readCounting(form, "workspace"), ...readRules(form, "workspace") },
  }));

  return (
    <Card title="Gateway defaults">
      <p className="muted">
        Every API gets these where its product, the API or an operation sets none of its own; the default rate limit and quota apply only where
        neither the product nor the API has one of that kind.
      </p>
      <GatewayPolicyForm
        key={JSON.stringify(policy)}
        label="Gateway defaults"
        submit={submit}
        aliases={gatewayDefaultsAliases}
        canEdit={canEdit}
        saves="defaults"
      >
        <RateAndQuotaFields limits={policy} disabled={!canEdit} owner="by default" />
        <CountingFields limits={policy} scope="workspace" disabled={!canEdit} />
        <fieldset className="fieldset" disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
          <RequestRuleFields rules={policy} scope="workspace" />
        </fieldset>
      </GatewayPolicyForm>
    </Card>
  );
}
