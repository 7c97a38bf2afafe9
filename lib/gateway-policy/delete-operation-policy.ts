// Removes an operation's own rules and limits: the API's (and wider scopes')
// apply to it again. Audited; published to the gateways.
import type { Actor } from "@/lib/iam/actor";
import { findApiToManage, lockApiRow } from "@/lib/apis/find-api-to-manage";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { readScopePolicy } from "./stored-scope-policy";

export async function deleteOperationPolicy(apiId: string, op: { method: string; path: string }, actor: Actor): Promise<void> {
  await db().$transaction(async (tx) => {
    await lockApiRow(tx, apiId);
    await findApiToManage(apiId, actor, tx);
    const key = { apiId_method_path: { apiId, method: op.method, path: op.path } };
    const existing = await tx.operationPolicy.findUnique({ where: key });
    if (!existing) throw new ApiError("not_found", `No policy is set on ${op.method} ${op.path}`);
    await tx.operationPolicy.delete({ where: key });
    await recordAuditEvent(tx, actor, {
      action: "api.operation_policy_deleted",
      entityType: "api",
      entityId: apiId,
      before: { method: op.method, path: op.path, policy: readScopePolicy(existing.policy) },
    });
  });
  await publishGatewayChange(`operation policy of api ${apiId} removed`, [{ kind: "api", id: apiId }]);
}
