// The operation policies of an API the actor may see, each flagged with whether
// the current revision still has the operation (only then does the gateway apply it).
import type { Actor } from "@/lib/iam/actor";
import { getApiOrThrow } from "@/lib/apis/get-api-or-throw";
import { db } from "@/lib/db";
import { readScopePolicy } from "./stored-scope-policy";
import type { OperationPolicyResource } from "./operation-policy-schemas";

export async function listOperationPolicies(apiId: string, actor: Actor): Promise<{ items: OperationPolicyResource[] }> {
  const api = await getApiOrThrow(apiId, actor);
  const current = new Set((api.revisions[0]?.operations ?? []).map((o) => `${o.method} ${o.path}`));
  const rows = await db().operationPolicy.findMany({ where: { apiId }, orderBy: [{ path: "asc" }, { method: "asc" }] });
  return { items: rows.map((row) => toOperationPolicyResource(row, current.has(`${row.method} ${row.path}`))) };
}

export function toOperationPolicyResource(
  row: { method: string; path: string; policy: unknown; updatedAt: Date },
  inCurrentRevision: boolean,
): OperationPolicyResource {
  return { method: row.method, path: row.path, policy: readScopePolicy(row.policy), inCurrentRevision, updatedAt: row.updatedAt.toISOString() };
}
