// Sets (replaces) the rules and limits of one operation of an API the actor
// manages. The operation must be in the current revision, so a typo cannot
// store a policy nothing applies. Audited; published to the gateways.
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/iam/actor";
import { findApiToManage, lockApiRow } from "@/lib/apis/find-api-to-manage";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { assertRulesFitApi } from "./assert-rules-fit-api";
import { toOperationPolicyResource } from "./list-operation-policies";
import type { OperationPolicyResource, PutOperationPolicyInput } from "./operation-policy-schemas";
import { readScopePolicy } from "./stored-scope-policy";

export async function putOperationPolicy(apiId: string, input: PutOperationPolicyInput, actor: Actor): Promise<OperationPolicyResource> {
  const { method, path, policy } = input;
  const result = await db().$transaction(async (tx) => {
    await lockApiRow(tx, apiId);
    const api = await findApiToManage(apiId, actor, tx);
    const operation = await tx.operation.findFirst({ where: { method, path, revision: { apiId, isCurrent: true } }, select: { id: true } });
    if (!operation) throw new ApiError("not_found", `The API's current revision has no ${method} ${path} operation`);
    assertRulesFitApi(policy, api, "policy.");

    const key = { apiId_method_path: { apiId, method, path } };
    const existing = await tx.operationPolicy.findUnique({ where: key });
    const value = policy as Prisma.InputJsonValue;
    const row = await tx.operationPolicy.upsert({ where: key, create: { apiId, method, path, policy: value }, update: { policy: value } });
    const before = existing ? readScopePolicy(existing.policy) : null;
    const changed = JSON.stringify(before) !== JSON.stringify(policy);
    if (changed) {
      await recordAuditEvent(tx, actor, {
        action: "api.operation_policy_updated",
        entityType: "api",
        entityId: apiId,
        before: before && { method, path, policy: before },
        after: { method, path, policy },
      });
    }
    return { resource: toOperationPolicyResource(row, true), changed };
  });
  if (result.changed) await publishGatewayChange(`operation policy of api ${apiId} updated`, [{ kind: "api", id: apiId }]);
  return result.resource;
}
