// What a product change touches on the gateways: the product, and, when the product switches
// request validation on (before or after the change), the APIs it bundles(d): their operations
// carry validation schemas only where some scope asks for validation (validation-for-snapshot.ts).
import { readScopePolicy } from "@/lib/gateway-policy/stored-scope-policy";
import type { GatewayChangeRef } from "./build-gateway-delta";

type ProductState = { policy: unknown; apiIds: readonly string[] } | null;

/** `states`: the product before and after the change (null: it did not exist). */
export function productChangeRefs(productId: string, ...states: ProductState[]): GatewayChangeRef[] {
  const validating = states.some((s) => s !== null && readScopePolicy(s.policy).requestValidation === true);
  const apiIds = validating ? [...new Set(states.flatMap((s) => s?.apiIds ?? []))] : [];
  return [{ kind: "product", id: productId }, ...apiIds.map((id) => ({ kind: "api" as const, id }))];
}
