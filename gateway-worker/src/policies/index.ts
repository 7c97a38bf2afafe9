// The policies a gateway runs by default. Order is not decided here but by
// each policy's priority (pipeline/policy-order.ts); this is just the set.
import { jwtValidationPolicy } from "./jwt-validation.js";
import { lifecyclePolicy } from "./lifecycle.js";
import { operationMatchPolicy } from "./operation-match.js";
import { pathEncodingPolicy } from "./path-encoding.js";
import type { AnyPolicy } from "./policy.js";
import { subscriptionKeyPolicy } from "./subscription-key.js";
import { websocketUpgradePolicy } from "./websocket-upgrade.js";

export const defaultPolicies: readonly AnyPolicy[] = [
  lifecyclePolicy,
  pathEncodingPolicy,
  operationMatchPolicy,
  websocketUpgradePolicy,
  subscriptionKeyPolicy,
  jwtValidationPolicy,
];
