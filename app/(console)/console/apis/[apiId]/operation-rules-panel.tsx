"use client";
// One operation's gateway policy: every rule and limit in force on it and the
// scope each comes from (GET .../effective-policy, the same computation the
// gateway compiles), and the operation's own rules, which win over the API's; its own access
// rules (CEL, components/console/access-rules-editor.tsx) replace the API's list whole.
import { useState } from "react";
import type { Api, EffectivePolicy, Operation, OperationPolicy } from "@/lib/client/api-types";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Table } from "@/components/ui/table";
import { putOperationPolicyInputSchema } from "@/lib/gateway-policy/operation-policy-schemas";
import { REQUEST_RULE_NAMES } from "@/lib/gateway-policy/request-rule-schemas";
import { useDeleteOperationPolicy, useEffectivePolicy, useOperationPolicies, usePutOperationPolicy } from "@/lib/client/use-gateway-policies";
import { useCheckedSubmit } from "@/lib/client/use-request-check";
import { readRules, RequestRuleFields, ruleFieldAliases } from "@/components/console/request-rule-fields";
import { AccessRulesEditor, AccessRuleTester, toRows, toRules, type AccessRuleRow } from "@/components/console/access-rules-editor";
import { GatewayPolicyForm } from "@/components/console/gateway-policy-form";

const show = (value: unknown) => (value === null ? "off" : typeof value === "object" ? JSON.stringify(value) : String(value));

function EffectiveTable({ policy }: { policy: EffectivePolicy }) {
  const rows = [
    ...policy.rules.map((r) => ({ key: r.name, name: r.name, value: show(r.value), scope: r.scope })),
    ...policy.limits.map((l, i) => ({ key: `${l.kind}-${i}`, name: l.kind, value: show(l.value), scope: l.scope })),
  ];
  return (
    <Table caption="In force on this operation" columns={["Rule or limit", "Value", "From"]} empty={rows.length === 0 && "No rule or limit applies."}>
      {rows.map((row) => (
        <tr key={row.key}>
          <td>
            <code>{row.name}</code>
          </td>
          <td>
            <code>{row.value}</code>
          </td>
          <td>{row.scope}</td>
        </tr>
      ))}
    </Table>
  );
}

type OperationRef = { method: string; path: string };

/** The operation's own access rules: saved with a PUT of its whole policy, every other field kept; none: the API's apply. */
function OperationAccessRules({ apiId, op, own, canEdit }: { apiId: string; op: OperationRef; own: OperationPolicy | undefined; canEdit: boolean }) {
  const [rows, setRows] = useState<AccessRuleRow[]>(() => toRows(own?.policy.accessRules));
  const submit = useCheckedSubmit(usePutOperationPolicy(apiId), putOperationPolicyInputSchema, () => {
    const { accessRules: _previous, ...rest } = own?.policy ?? {};
    return { ...op, policy: { ...rest, ...(rows.length ? { accessRules: toRules(rows) } : {}) } };
  });

  return (
    <>
      <GatewayPolicyForm
        label="Operation access rules"
        submit={submit}
        canEdit={canEdit}
        saves="operation access rules"
      >
        <p className="muted">This operation&apos;s own access rules replace the API&apos;s list whole; none: the API&apos;s apply.</p>
        <AccessRulesEditor rows={rows} onChange={setRows} disabled={!canEdit} />
      </GatewayPolicyForm>
      <AccessRuleTester apiId={apiId} rows={rows} defaultMethod={op.method} />
    </>
  );
}

/** PUT carries the rules under policy. */
const operationRuleAliases = ruleFieldAliases("policy.");

export function OperationRulesPanel({ api, operation, canEdit }: { api: Api; operation: Operation; canEdit: boolean }) {
  const op = { method: operation.method, path: operation.path };
  const effective = useEffectivePolicy(api.id, op);
  const policies = useOperationPolicies(api.id);
  const remove = useDeleteOperationPolicy(api.id);
  const own = policies.data?.items.find((p) => p.method === op.method && p.path === op.path);
  const submit = useCheckedSubmit(usePutOperationPolicy(api.id), putOperationPolicyInputSchema, (form) => {
    // PUT replaces the whole policy: limits set on the operation elsewhere are kept, the rules come from the form.
    const limits = Object.entries(own?.policy ?? {}).filter(([name]) => !(REQUEST_RULE_NAMES as readonly string[]).includes(name));
    return { ...op, policy: { ...Object.fromEntries(limits), ...readRules(form, "operation") } };
  });

  return (
    <Card title={`${op.method} ${op.path}`}>
      <ErrorBanner error={effective.error ?? policies.error} />
      {effective.data && <EffectiveTable policy={effective.data} />}
      {effective.data && effective.data.products.length > 0 && (
        <p className="muted">A subscriber&apos;s product ({effective.data.products.map((p) => p.name).join(", ")}) may add its own rules and limits.</p>
      )}
      {policies.data && (
        <GatewayPolicyForm
          key={JSON.stringify(own?.policy ?? {})}
          label="Operation rules"
          submit={{ ...submit, error: submit.error ?? remove.error }}
          aliases={operationRuleAliases}
          canEdit={canEdit}
          saves="operation rules"
          actions={
            own &&
            canEdit && (
              <ConfirmButton
                variant="ghost"
                busy={remove.isPending}
                confirm={{
                  title: `Delete the own rules of ${op.method} ${op.path}?`,
                  body: "This operation's own limits and checks are deleted: the gateways apply the API's rules to it from now on.",
                  wayBack: "There is no way back to the deleted rules: set them again here to restore them.",
                  confirmLabel: "Use the API's rules",
                }}
                onConfirm={() => remove.mutate(op)}
              >
                Use the API&apos;s rules
              </ConfirmButton>
            )
          }
        >
          <p className="muted">This operation&apos;s own rules; an empty field keeps the API&apos;s.</p>
          <fieldset className="fieldset" disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
            <RequestRuleFields rules={own?.policy ?? {}} scope="operation" />
          </fieldset>
        </GatewayPolicyForm>
      )}
      {policies.data && (
        // Keyed by operation, not by the saved rules: a save must not remount the form and lose its "Saved" status.
        <OperationAccessRules key={`${op.method} ${op.path}`} apiId={api.id} op={op} own={own} canEdit={canEdit} />
      )}
    </Card>
  );
}
