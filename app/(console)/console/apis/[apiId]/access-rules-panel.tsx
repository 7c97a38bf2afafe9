"use client";
// The API's access rules (CEL) and identity forwarding, enforced by the gateways after the
// bearer token is verified; an operation's own rules (under Operations) replace the API's.
// One PATCH saves both; an expression that does not compile comes back as a 400 naming the
// CEL problem and its position. The rule tester tries the rows as edited.
import { useState } from "react";
import type { Api } from "@/lib/client/api-types";
import { Card } from "@/components/ui/card";
import { Checkbox, Input } from "@/components/ui/field";
import { updateApiInputSchema } from "@/lib/apis/update-api-input";
import { useUpdateApi } from "@/lib/client/use-apis";
import { useCheckedSubmit } from "@/lib/client/use-request-check";
import { AccessRulesEditor, AccessRuleTester, toRows, toRules, type AccessRuleRow } from "@/components/console/access-rules-editor";
import { GatewayPolicyForm } from "@/components/console/gateway-policy-form";

const forwardingAliases = {
  "forwardIdentity.subjectHeader": "subjectHeader",
  "forwardIdentity.clientHeader": "clientHeader",
  "forwardIdentity.rolesHeader": "rolesHeader",
};

export function AccessRulesPanel({ api, canEdit }: { api: Api; canEdit: boolean }) {
  const [rows, setRows] = useState<AccessRuleRow[]>(() => toRows(api.accessRules));
  const forward = api.forwardIdentity;
  const submit = useCheckedSubmit(useUpdateApi(api.id), updateApiInputSchema, (element) => {
    const form = new FormData(element);
    const header = (name: string) => String(form.get(name) ?? "").trim() || undefined;
    const forwardIdentity = {
      subjectHeader: header("subjectHeader"),
      clientHeader: header("clientHeader"),
      rolesHeader: header("rolesHeader"),
      stripAuthorization: form.get("stripAuthorization") === "on" || undefined,
    };
    const anyForwarding = Object.values(forwardIdentity).some((v) => v !== undefined);
    return {
      accessRules: rows.length ? toRules(rows) : null,
      forwardIdentity: anyForwarding ? (JSON.parse(JSON.stringify(forwardIdentity)) as typeof forwardIdentity) : null,
    };
  });

  return (
    <Card title="Access rules and identity">
      <p className="muted">
        Conditions on the verified token, the caller&apos;s address, the time and the request, checked by the gateways after the token; and the
        headers that tell the backend who called.
      </p>
      <GatewayPolicyForm
        key={JSON.stringify([api.accessRules, forward])}
        label="Access rules and identity"
        submit={submit}
        aliases={forwardingAliases}
        canEdit={canEdit}
        saves="access rules"
      >
        <AccessRulesEditor rows={rows} onChange={setRows} disabled={!canEdit} />
        <fieldset className="fieldset" disabled={!canEdit}>
          <legend>Identity forwarding</legend>
          <p className="field-hint">Set from the verified token, replacing anything the client sent; empty: not sent.</p>
          <div className="form-row">
            <Input label="Subject header" name="subjectHeader" defaultValue={forward?.subjectHeader ?? ""} placeholder="X-User-Id" />
            <Input label="Client header" name="clientHeader" defaultValue={forward?.clientHeader ?? ""} placeholder="X-Client-Id" />
            <Input label="Roles header" name="rolesHeader" defaultValue={forward?.rolesHeader ?? ""} placeholder="X-User-Roles" />
          </div>
          <Checkbox label="Strip the Authorization header before forwarding" name="stripAuthorization" defaultChecked={forward?.stripAuthorization ?? false} />
        </fieldset>
      </GatewayPolicyForm>
      <AccessRuleTester apiId={api.id} rows={rows} />
    </Card>
  );
}
