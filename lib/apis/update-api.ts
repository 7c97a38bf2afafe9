// Changes an API's settings, lifecycle (publish, deprecate, retire)
// and version set membership. Audited with before/after and published to the
// gateways, which then serve, deprecate (Deprecation/Sunset) or retire (410) it.
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { apiUpdateRefs } from "@/lib/config-channel/api-change-refs";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";
import { assertRulesFitApi } from "@/lib/gateway-policy/assert-rules-fit-api";
import { nextScopePolicy } from "@/lib/gateway-policy/stored-scope-policy";
import { policyColumn } from "@/lib/gateway-policy/policy-column";
import { assertRealmBindingExists } from "@/lib/iam/realms/assert-realm-binding";
import { apiResourceInclude, toApiResource } from "./api-schemas";
import { assertTrustableRealmCa } from "@/lib/iam/realms/realm-ca";
import { nextApiTls, readApiTls } from "./api-tls-schemas";
import { nextApiBackends } from "./backends/next-api-backends";
import { assertApiTlsUsable } from "./assert-api-tls-usable";
import { findApiToManage, lockApiRow } from "./find-api-to-manage";
import { lifecycleFromApi } from "./lifecycle/api-lifecycles";
import { assertLifecycleTransition } from "./lifecycle/assert-lifecycle-transition";
import { assertLintCleanToPublish } from "./lifecycle/assert-lint-clean-to-publish";
import type { UpdateApiInput } from "./update-api-input";
import { assertMayClaimGatewayPath } from "./version-sets/assert-may-claim-gateway-path";

export async function updateApi(id: string, input: UpdateApiInput, actor: Actor) {
  const result = await db().$transaction(async (tx) => {
    await lockApiRow(tx, id);
    await findApiToManage(id, actor, tx);
    const row = await tx.api.findUniqueOrThrow({ where: { id }, include: apiResourceInclude });
    const current = row.revisions[0];

    const lifecycle = input.lifecycle ? lifecycleFromApi(input.lifecycle) : row.lifecycle;
    if (lifecycle !== row.lifecycle) {
      assertLifecycleTransition(row.lifecycle, lifecycle);
      if (lifecycle === "PUBLISHED" && current) assertLintCleanToPublish(await getWorkspaceSettings(tx), current.lintReport, current.number);
    }

    // Leaving the set drops the version name too; joining one needs a name.
    const versionSetId = input.versionSetId !== undefined ? input.versionSetId : row.versionSetId;
    const versionName = versionSetId === null ? null : input.versionName !== undefined ? input.versionName : row.versionName;
    if (input.versionName && versionSetId === null) {
      throw new ApiError("validation_failed", "versionName needs a versionSetId", { issues: [{ path: "versionSetId", message: "required with versionName" }] });
    }
    // Leaving a set or renaming a version moves the gateway path as much as joining one does.
    if (versionSetId !== row.versionSetId || versionName !== row.versionName) {
      const claim = { apiId: id, path: row.path, versionSetId, versionName };
      await assertMayClaimGatewayPath(tx, actor, claim, { joinsSet: versionSetId !== row.versionSetId });
    }

    await assertRealmBindingExists(tx, input.jwtRequirements);
    const tlsSettings = nextApiTls(row.tlsSettings, input);
    assertApiTlsUsable(tlsSettings);
    if (tlsSettings?.mtls?.trustRealmCa !== readApiTls(row.tlsSettings).mtls?.trustRealmCa) await assertTrustableRealmCa(tx, tlsSettings?.mtls?.trustRealmCa, actor);
    const policy = nextScopePolicy(row.policy, input);
    assertRulesFitApi(policy, row);
    // Weighted URLs and backend settings; certificates and the client key checked before they are stored.
    const backends = nextApiBackends(row, input);

    const updated = await tx.api.update({
      where: { id },
      data: {
        name: input.name,
        description: input.description,
        backendUrls: backends?.backendUrls,
        backendSettings: backends?.backendSettings,
        subscriptionRequired: input.subscriptionRequired,
        allowEncodedSlashes: input.allowEncodedSlashes,
        allowWebSockets: input.allowWebSockets,
        // A nullable Json column is cleared with DbNull (a bare null would mean "JSON null").
        jwtRequirements: input.jwtRequirements === undefined ? undefined : (input.jwtRequirements ?? Prisma.DbNull),
        lifecycle,
        sunsetAt: input.sunsetAt === undefined ? undefined : input.sunsetAt === null ? null : new Date(input.sunsetAt),
        versionSetId,
        versionName,
        tlsSettings,
        policy: policyColumn(policy),
      },
      include: apiResourceInclude,
    });
    const [before, after] = [toApiResource(row), toApiResource(updated)];
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
      (k) => k !== "updatedAt" && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    if (changed.length === 0) return { resource: after, gatewayRefs: null };
    await recordAuditEvent(tx, actor, {
      // Lifecycle moves get their own action ("api.deprecated"), so the audit log can filter them.
      action: lifecycle !== row.lifecycle ? `api.${after.lifecycle}` : "api.updated",
      entityType: "api",
      entityId: id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    // The gateways hold everything of an API but its description.
    const gatewayChanged = changed.some((k) => k !== "description");
    return { resource: after, gatewayRefs: gatewayChanged ? apiUpdateRefs(id, row, updated) : null };
  });

  if (result.gatewayRefs) await publishGatewayChange(`api ${id} updated`, result.gatewayRefs);
  return result.resource;
}
