// Platform admins change workspace settings (lint ruleset, governance, import policy, gateway
// defaults); audited. Only the gateway defaults are part of the gateway snapshot: a change to
// them is published to the gateways.
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/iam/actor";
import { assertPlatformAdmin } from "@/lib/iam/ownership";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { publishGatewayConfig } from "@/lib/config-channel/publish-gateway-config";
import { db } from "@/lib/db";
import { resolveLintConfig } from "@/lib/apis/specs/lint-config";
import { getWorkspaceSettings } from "./get-workspace-settings";
import {
  workspaceSettingsSchema,
  workspaceSettingsSections,
  type WorkspaceSettings,
  type WorkspaceSettingsPatch,
} from "./workspace-settings-schema";

export async function updateWorkspaceSettings(patch: WorkspaceSettingsPatch, actor: Actor): Promise<WorkspaceSettings> {
  assertPlatformAdmin(actor);
  const result = await db().$transaction(async (tx) => {
    const before = await getWorkspaceSettings(tx);
    const after = workspaceSettingsSchema.parse({
      lint: { ...before.lint, ...patch.lint },
      governance: { ...before.governance, ...patch.governance },
      import: { ...before.import, ...patch.import },
      gatewayPolicy: { ...before.gatewayPolicy, ...patch.gatewayPolicy },
      security: { ...before.security, ...patch.security },
      analytics: { ...before.analytics, ...patch.analytics },
    });
    // A custom ruleset must be usable before it is saved: every later import depends on it.
    if (after.lint.ruleset === "custom" || patch.lint?.customConfig) await resolveLintConfig(after.lint);

    const changed = workspaceSettingsSections.filter((s) => JSON.stringify(before[s]) !== JSON.stringify(after[s]));
    for (const section of changed) {
      const value = after[section] as unknown as Prisma.InputJsonValue;
      await tx.workspaceSetting.upsert({ where: { key: section }, create: { key: section, value }, update: { value } });
    }
    if (changed.length > 0) {
      await recordAuditEvent(tx, actor, {
        action: "settings.updated",
        entityType: "workspace_settings",
        entityId: null,
        before: Object.fromEntries(changed.map((s) => [s, before[s]])),
        after: Object.fromEntries(changed.map((s) => [s, after[s]])),
      });
    }
    // Switching validation on or off for the workspace changes every API's operations (their
    // validation schemas): a full snapshot says that more cheaply than a delta of every API.
    const validationChanged = before.gatewayPolicy.requestValidation !== after.gatewayPolicy.requestValidation;
    return { after, gatewayChanged: changed.includes("gatewayPolicy"), validationChanged };
  });
  if (result.validationChanged) await publishGatewayConfig("workspace gateway defaults updated (request validation)");
  else if (result.gatewayChanged) await publishGatewayChange("workspace gateway defaults updated", [{ kind: "defaults" }]);
  return result.after;
}
