"use client";
// Workspace settings: the lint ruleset every import runs, opt-in publishing governance, and
// the URL import policy, and the gateway defaults (their own form). Platform admins edit; everyone else sees them read-only.
import { useState } from "react";
import type { LintRuleset } from "@/lib/client/api-types";
import { formChecked, formText } from "@/components/form-data";
import { bytesToMb, mbToBytes } from "@/components/format";
import { Card } from "@/components/ui/card";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { PageHeader } from "@/components/ui/page-header";
import { useSettings, useUpdateSettings } from "@/lib/client/use-settings";
import { GatewayDefaultsCard } from "./gateway-defaults-card";
import { PortalSettingsCard } from "./portal-settings-card";
import { SignInSecurityCard } from "./sign-in-security-card";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { useCheckedSubmit } from "@/lib/client/use-request-check";
import { workspaceSettingsPatchSchema } from "@/lib/settings/workspace-settings-schema";

/** The PATCH body's paths → this form's controls (sizes are typed in MB and seconds). */
const settingsAliases = {
  "lint.ruleset": "ruleset",
  "lint.customConfig": "customConfig",
  "import.maxSpecBytes": "maxSpecMb",
  "import.fetchTimeoutMs": "fetchTimeoutS",
};

const customExample = "extends:\n  - minimal\nrules:\n  operation-summary: error\n";

export function SettingsClient({ canEdit }: { canEdit: boolean }) {
  const settings = useSettings();
  const [ruleset, setRuleset] = useState<LintRuleset | null>(null);
  const submit = useCheckedSubmit(useUpdateSettings(), workspaceSettingsPatchSchema, (form) => {
    const customConfig = formText(form, "customConfig", { trim: false });
    return {
      lint: { ruleset: formText(form, "ruleset") as LintRuleset, customConfig: customConfig.trim() ? customConfig : null },
      governance: { requireLintCleanToPublish: formChecked(form, "requireLintCleanToPublish") },
      import: {
        allowPrivateUrls: formChecked(form, "allowPrivateUrls"),
        maxSpecBytes: mbToBytes(Number(formText(form, "maxSpecMb"))),
        fetchTimeoutMs: Math.round(Number(formText(form, "fetchTimeoutS")) * 1000),
      },
    };
  });

  const data = settings.data;
  const shownRuleset = ruleset ?? data?.lint.ruleset ?? "recommended";
  return (
    <>
      <PageHeader title="Settings" description="Workspace-wide lint, governance, import settings and gateway defaults." />
      <ErrorBanner error={settings.error} />
      {!canEdit && <p className="muted">Only platform admins can change these settings.</p>}
      {data && (
        <form className="form" onSubmit={submit.onSubmit} key={JSON.stringify(data)}>
          <FieldErrorScope error={submit.error} aliases={settingsAliases}>
            <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
              <Card title="Lint">
                <Select
                  label="Lint ruleset"
                  name="ruleset"
                  defaultValue={data.lint.ruleset}
                  onChange={(e) => setRuleset(e.target.value as LintRuleset)}
                  hint="Every import is linted with it; findings are stored with the revision and never block the import."
                >
                  <option value="recommended">recommended</option>
                  <option value="minimal">minimal</option>
                  <option value="spec">spec (structure only)</option>
                  <option value="custom">custom (Redocly config)</option>
                </Select>
                {shownRuleset === "custom" && (
                  <Textarea
                    label="Custom Redocly config (YAML)"
                    name="customConfig"
                    rows={8}
                    className="mono"
                    spellCheck={false}
                    defaultValue={data.lint.customConfig ?? customExample}
                    hint="extends (built-in rulesets only) and rules / oas3_0Rules / oas3_1Rules / oas2Rules; no plugins or decorators."
                  />
                )}
                {shownRuleset !== "custom" && <input type="hidden" name="customConfig" value={data.lint.customConfig ?? ""} />}
              </Card>
              <Card title="Governance">
                <Checkbox
                  label="Require no lint errors to publish an API"
                  name="requireLintCleanToPublish"
                  defaultChecked={data.governance.requireLintCleanToPublish}
                />
              </Card>
              <Card title="Import">
                <Checkbox
                  label="Allow spec URLs on private networks (loopback, private, link-local addresses)"
                  name="allowPrivateUrls"
                  defaultChecked={data.import.allowPrivateUrls}
                />
                <div className="form-row">
                  <Input label="Largest spec (MB)" name="maxSpecMb" type="number" min={1} max={200} step="any" defaultValue={bytesToMb(data.import.maxSpecBytes)} />
                  <Input label="URL fetch timeout (s)" name="fetchTimeoutS" type="number" min={1} max={120} defaultValue={data.import.fetchTimeoutMs / 1000} />
                </div>
              </Card>
              <FormFooter
                submitLabel="Save settings"
                busy={submit.isPending}
                error={submit.error}
                errorTitle="Settings not saved"
                success={submit.isSuccess && "Settings saved."}
                hideActions={!canEdit}
              />
            </fieldset>
          </FieldErrorScope>
        </form>
      )}
      {data && <GatewayDefaultsCard policy={data.gatewayPolicy} canEdit={canEdit} />}
      {data && <SignInSecurityCard security={data.security} canEdit={canEdit} />}
      {data && <PortalSettingsCard portal={data.portal} canEdit={canEdit} />}
    </>
  );
}
