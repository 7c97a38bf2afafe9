// What an API update touches on the gateways. An API holds its operations in the gateway form
// (entities/gateway-apis.ts): the current revision's list, each operation's own rules, and the
// validation schemas when some scope validates requests. An update through PATCH changes none of
// the first two, so when the API was on the gateways already and request validation stays as it
// was, its operations there are still right and only its other fields travel (api.fieldsReplaced).
import type { ApiLifecycle } from "@/generated/prisma/client";
import { readScopePolicy } from "@/lib/gateway-policy/stored-scope-policy";
import type { GatewayChangeRef } from "./build-gateway-delta";

type ApiState = { lifecycle: ApiLifecycle; policy: unknown };

/** `before` and `after`: the API's row around an update that leaves its revisions and operation rules alone. */
export function apiUpdateRefs(apiId: string, before: ApiState, after: ApiState): GatewayChangeRef[] {
  // A draft is not on the gateways: publishing it sends it whole.
  const wasOnGateway = before.lifecycle !== "DRAFT";
  const validates = (s: ApiState) => readScopePolicy(s.policy).requestValidation === true;
  const operationsKept = wasOnGateway && validates(before) === validates(after);
  return [{ kind: operationsKept ? "apiFields" : "api", id: apiId }];
}
