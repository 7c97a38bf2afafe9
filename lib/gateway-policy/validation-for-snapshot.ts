// Request validation in the gateway snapshot: each operation's parameter and
// body schemas, shipped only for APIs where some scope switches validation on
// (workspace, a bundling product, the API or one of its operations), so the
// snapshot stays small for everyone else.
import type { OperationValidation, ScopePolicy } from "@portcullis/gateway/contract";
import type { DbTransaction } from "@/lib/db";
import { operationValidationFromSpec } from "./operation-validation-from-spec";
import { readScopePolicy } from "./stored-scope-policy";

interface ApiRow {
  id: string;
  policy: unknown;
  operationPolicies: { policy: unknown }[];
}
interface ProductRow {
  policy: unknown;
  apis: { apiId: string }[];
}

/** The current revision's document of every API that may validate requests, by API id. */
export async function specsForValidation(
  tx: Pick<DbTransaction, "apiRevision">,
  apis: readonly ApiRow[],
  products: readonly ProductRow[],
  defaults: ScopePolicy,
): Promise<Map<string, unknown>> {
  const on = (policy: unknown) => readScopePolicy(policy).requestValidation === true;
  const viaProduct = new Set(products.filter((p) => on(p.policy)).flatMap((p) => p.apis.map((a) => a.apiId)));
  const ids = apis
    .filter((api) => defaults.requestValidation === true || on(api.policy) || viaProduct.has(api.id) || api.operationPolicies.some((op) => on(op.policy)))
    .map((api) => api.id);
  if (ids.length === 0) return new Map();
  const revisions = await tx.apiRevision.findMany({ where: { apiId: { in: ids }, isCurrent: true }, select: { apiId: true, spec: true } });
  return new Map(revisions.map((r) => [r.apiId, r.spec]));
}

export function withValidation<O extends { method: string; path: string }>(op: O, spec: unknown): O & { validation?: OperationValidation } {
  if (spec === undefined) return op;
  const validation = operationValidationFromSpec(spec, op.method, op.path);
  return validation ? { ...op, validation } : op;
}
