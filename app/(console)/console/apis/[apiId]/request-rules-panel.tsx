"use client";
// The API's own request rules, enforced by the gateways on every operation that
// sets none of its own. Checked in the browser with the route's own field
// schemas, then one PATCH. Viewers see the same form, disabled.
import type { FormEvent } from "react";
import { z } from "zod";
import type { Api } from "@/lib/client/api-types";
import { Card } from "@/components/ui/card";
import { requestRuleInputFields } from "@/lib/gateway-policy/request-rule-schemas";
import { useUpdateApi } from "@/lib/client/use-apis";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { readRules, RequestRuleFields, ruleFieldAliases } from "@/components/console/request-rule-fields";
import { GatewayPolicyForm } from "@/components/console/gateway-policy-form";

const rulesSchema = z.object(requestRuleInputFields).strict();

const apiRuleAliases = ruleFieldAliases();

export function RequestRulesPanel({ api, canEdit }: { api: Api; canEdit: boolean }) {
  const update = useUpdateApi(api.id);
  const request = useRequestCheck(rulesSchema);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = readRules(e.currentTarget, "api");
    if (request.check(body)) update.mutate(body);
  }

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
        onSubmit={onSubmit}
        save={update}
        problem={request.problem}
        aliases={apiRuleAliases}
        canEdit={canEdit}
        submitLabel="Save rules"
        saved="Rules saved"
        errorTitle="Rules refused"
      >
        <fieldset className="fieldset" disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
          <RequestRuleFields rules={rules} scope="api" />
        </fieldset>
      </GatewayPolicyForm>
    </Card>
  );
}
