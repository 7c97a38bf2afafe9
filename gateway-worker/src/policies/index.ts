// The policies a gateway runs by default. Order is not decided here but by
// each policy's priority (pipeline/policy-order.ts); this is just the set.
import { jwtValidationPolicy } from "./jwt-validation";
import { lifecyclePolicy } from "./lifecycle";
import { operationMatchPolicy } from "./operation-match";
import { pathEncodingPolicy } from "./path-encoding";
import type { AnyPolicy } from "./policy";
import { subscriptionKeyPolicy } from "./subscription-key";
import { websocketUpgradePolicy } from "./websocket-upgrade";

export const defaultPolicies: readonly AnyPolicy[] = [
  lifecyclePolicy,
  pathEncodingPolicy,
  operationMatchPolicy,
  websocketUpgradePolicy,
  subscriptionKeyPolicy,
  jwtValidationPolicy,
];
