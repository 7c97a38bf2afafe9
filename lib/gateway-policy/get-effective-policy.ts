// What the gateway applies to one operation of an API, scope by scope: the
// workspace defaults, the caller's product (when productId is given), the API
// and the operation, combined with the contract's effectivePolicy, the same
// function the gateway compiles its checks with.
import { effectivePolicy, type ScopePolicy } from "@portcullis/gateway/contract";
import type { Actor } from "@/lib/iam/actor";
import { getApiOrThrow } from "@/lib/apis/get-api-or-throw";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { productLimits } from "@/lib/products/product-schemas";
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";
import type { EffectivePolicyResource } from "./effective-policy-schemas";
import { readScopePolicy } from "./stored-scope-policy";

interface Query {
  method: string;
  path: string;
  productId?: string;
}

export async function getEffectivePolicy(apiId: string, query: Query, actor: Actor): Promise<EffectivePolicyResource> {
  const api = await getApiOrThrow(apiId, actor);
  const operation = matchOperation(api.revisions[0]?.operations ?? [], query.method, query.path);
  const [settings, operationRow, products] = await Promise.all([
    getWorkspaceSettings(),
    operation ? db().operationPolicy.findUnique({ where: { apiId_method_path: { apiId, method: operation.method, path: operation.path } } }) : null,
    db().product.findMany({ where: { apis: { some: { apiId } } }, orderBy: { name: "asc" } }),
  ]);
  const product = query.productId === undefined ? undefined : products.find((p) => p.id === query.productId);
  if (query.productId !== undefined && !product) throw new ApiError("not_found", `Product '${query.productId}' does not bundle this API`);

  // The product's rateLimit and quota live in columns; its other rules in its policy.
  const productScope: ScopePolicy | undefined = product && { ...readScopePolicy(product.policy), ...productLimits(product) };
  const chain = {
    workspace: settings.gatewayPolicy,
    product: productScope,
    api: readScopePolicy(api.policy),
    operation: operationRow ? readScopePolicy(operationRow.policy) : undefined,
  };
  const result = effectivePolicy(chain);
  return {
    apiId,
    operation: operation ? { method: operation.method, path: operation.path } : null,
    productId: product?.id ?? null,
    rules: Object.entries(result.rules).map(([name, rule]) => ({ name, scope: rule!.scope, value: rule!.value })),
    limits: result.limits as EffectivePolicyResource["limits"],
    products: products.map((p) => ({ id: p.id, name: p.name })),
  };
}

/** By template first ("/orders/{id}"), then as a request path ("/orders/42"), literal templates before templated ones. */
function matchOperation<O extends { method: string; path: string }>(operations: O[], method: string, path: string): O | undefined {
  const sameMethod = operations.filter((o) => o.method === method || (method === "HEAD" && o.method === "GET"));
  const exact = sameMethod.find((o) => o.path === path);
  if (exact) return exact;
  const byPattern = sameMethod
    .map((o) => ({ o, pattern: templatePattern(o.path), templated: o.path.includes("{") }))
    .filter(({ pattern }) => pattern.test(path))
    .sort((a, b) => Number(a.templated) - Number(b.templated));
  return byPattern[0]?.o;
}

function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^{}]*\})/)
    .map((part) => (/^\{[^{}]*\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source.replace(/\/+$/, "")}/?$`);
}
