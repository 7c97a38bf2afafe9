"use client";
// The API's own request rules, enforced by the gateways on every operation that
// sets none of its own. Checked in the browser with the route's own field
// schemas, then one PATCH. Viewers see the same form, disabled.
import { z } from "zod";
import type { Api } from "@/lib/client/api-types";
import { Card } from "@/components/ui/card";
import { requestRuleInputFields } from "@/lib/gateway-policy/request-rule-schemas";
import { useUpdateApi } from "@/lib/client/use-apis";
import { useCheckedSubmit } from "@/lib/client/use-request-check";
import { readRules, RequestRuleFields, ruleFieldAliases } from "@/components/console/request-rule-fields";
import { GatewayPolicyForm } from "@/components/console/gateway-policy-form";

const rulesSchema = z.object(requestRuleInputFields).strict();

const apiRuleAliases = ruleFieldAliases();

export function RequestRulesPanel({ api, canEdit }: { api: Api; canEdit: boolean }) {
  const submit = useCheckedSubmit(useUpdateApi(api.id), rulesSchema, (form) => readRules(form, "api"));

  const rules = {
    cors: api.cors,
    ipFilter: api.ipFilter,
    headerRules: api.headerRules,
    maxRequestBodyBytes: api.maxRequestBodyBytes,
    requestValidation: api.requestValidation,
  };
  return (
    <Card title="Request rules">
      <p className="muted">
        Applied by the gateways to every operation of this API; an operation&apos;s own rules (under Operations) win, and the workspace defaults
        and a product&apos;s rules apply where neither sets one.
      </p>
      <GatewayPolicyForm
        key={JSON.stringify(rules)}
        label="Request rules"
        submit={submit}
        aliases={apiRuleAliases}
        canEdit={canEdit}
        saves="rules"
      >
        <fieldset className="fieldset" disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
          <RequestRuleFields rules={rules} scope="api" />
        </fieldset>
      </GatewayPolicyForm>
    </Card>
  );
}
