// The operation a method and path would match, for policies that run before
// operation-match (CORS answers a preflight for the method it announces, not
// for OPTIONS). One matcher per API object, so per config; built on first use.
import type { GatewayApi, GatewayOperation } from "../contract/config-snapshot.js";
import { OperationMatcher } from "./operation-matcher.js";

const matchers = new WeakMap<GatewayApi, OperationMatcher>();

/** `pathname` includes the API path, as PolicyContext.pathname does. */
export function operationFor(api: GatewayApi, method: string, pathname: string): GatewayOperation | undefined {
  if (!api.operations) return undefined;
  let matcher = matchers.get(api);
  if (!matcher) matchers.set(api, (matcher = new OperationMatcher(api.operations)));
  const found = matcher.match(method, pathname.slice(api.path.length + 1));
  return found.kind === "matched" ? found.operation : undefined;
}

/** Whether the API's current revision has `method` on this path (true for an API that lists no operations). */
export function hasOperation(api: GatewayApi, method: string, pathname: string): boolean {
  return !api.operations || operationFor(api, method, pathname) !== undefined;
}
