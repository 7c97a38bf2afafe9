// Renames a version set, or changes how clients name the
// version. A scheme change moves every member on the gateway (path <-> shared
// path), so each member's gateway path is re-checked and the config published.
// Publishers change only the sets they created (assertCanManageVersionSet).
import type { Actor } from "@/lib/iam/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/http/errors";
import { assertCanManageVersionSet } from "./assert-can-manage-version-set";
import { assertMayClaimGatewayPath } from "./assert-may-claim-gateway-path";
import { defaultParameterName, toVersionSetResource, versionSetApisInclude, type UpdateVersionSetInput } from "./version-set-schemas";

export async function updateVersionSet(id: string, input: UpdateVersionSetInput, actor: Actor) {
  const result = await db().$transaction(async (tx) => {
    if (!(await tx.apiVersionSet.count({ where: { id } }))) throw notFound("Version set", id);
    await assertCanManageVersionSet(tx, actor, id);
    const before = await tx.apiVersionSet.findUniqueOrThrow({ where: { id }, include: { apis: true } });
    if (input.name && input.name !== before.name && (await tx.apiVersionSet.findUnique({ where: { name: input.name } }))) {
      throw new ApiError("conflict", `A version set named '${input.name}' already exists`, { field: "name" });
    }

    const scheme = input.scheme ?? (before.scheme.toLowerCase() as "path" | "header" | "query");
    const schemeChanged = scheme.toUpperCase() !== before.scheme;
    const updated = await tx.apiVersionSet.update({
      where: { id },
      data: {
        name: input.name,
        description: input.description,
        scheme: scheme.toUpperCase() as "PATH" | "HEADER" | "QUERY",
        // A new scheme without a parameter name gets that scheme's default, not the old scheme's name.
        parameterName: input.parameterName ?? (schemeChanged ? defaultParameterName[scheme] || "api-version" : undefined),
      },
      include: versionSetApisInclude,
    });
    // Each member's gateway path under the new scheme: free, and not over another owner's API.
    for (const api of before.apis) {
      const claim = { apiId: api.id, path: api.path, versionSetId: id, versionName: api.versionName };
      await assertMayClaimGatewayPath(tx, actor, claim, { joinsSet: false });
    }
    const [beforeResource, after] = [toVersionSetResource(before), toVersionSetResource(updated)];
    await recordAuditEvent(tx, actor, { action: "version_set.updated", entityType: "version_set", entityId: id, before: beforeResource, after });
    const gatewayChanged = before.apis.length > 0 && (before.scheme !== updated.scheme || before.parameterName !== updated.parameterName);
    return { after, gatewayChanged, memberIds: before.apis.map((api) => api.id) };
  });
  if (result.gatewayChanged) {
    await publishGatewayChange(`version set ${id} updated`, result.memberIds.map((apiId) => ({ kind: "api" as const, id: apiId })));
  }
  return result.after;
}
