// Platform admins change workspace settings (lint ruleset, governance, import policy, gateway
// defaults, security, analytics, the portal); audited. Only the gateway defaults are part of the gateway snapshot: a change to
// them is published to the gateways.
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/iam/actor";
import { assertPlatformAdmin } from "@/lib/iam/ownership";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { publishGatewayConfig } from "@/lib/config-channel/publish-gateway-config";
import { db } from "@/lib/db";
import { resolveLintConfig } from "@/lib/apis/specs/lint-config";
import { ApiError } from "@/lib/http/errors";
import type { DbTransaction } from "@/lib/db";
import { ensurePortalRealmClient } from "@/lib/portal/accounts/portal-realm-client";
import { getWorkspaceSettings } from "./get-workspace-settings";
import {
  workspaceSettingsSchema,
  workspaceSettingsSections,
  type WorkspaceSettings,
  type WorkspaceSettingsPatch,
} from "./workspace-settings-schema";

/** The portal's realm must exist when it is named (a realm deleted later reads as "no realm" in the portal). */
async function assertRealmExists(tx: Pick<DbTransaction, "realm">, name: string): Promise<void> {
  if (await tx.realm.findUnique({ where: { name }, select: { id: true } })) return;
  throw new ApiError("validation_failed", `portal.realm: no realm is named '${name}'`, { issues: [{ path: "portal.realm", message: `No realm is named '${name}'` }] });
}

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
      portal: { ...before.portal, ...patch.portal },
    });
    if (patch.portal?.realm) await assertRealmExists(tx, patch.portal.realm);
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
    return { after, gatewayChanged: changed.includes("gatewayPolicy"), validationChanged, portalRealmChanged: before.portal.realm !== after.portal.realm };
  });
  // The portal signs in through its realm as the public client portcullis-portal: registered as
  // soon as the realm is named, so the admin sees it there (realm sign-in also repairs it).
  if (result.portalRealmChanged && result.after.portal.realm) await ensurePortalRealmClient(result.after.portal.realm);
  if (result.validationChanged) await publishGatewayConfig("workspace gateway defaults updated (request validation)");
  else if (result.gatewayChanged) await publishGatewayChange("workspace gateway defaults updated", [{ kind: "defaults" }]);
  return result.after;
}
