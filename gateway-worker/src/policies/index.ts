// The policies a gateway runs by default. Order is not decided here but by
// each policy's priority (pipeline/policy-order.ts); this is just the set.
import { accessRulesPolicy } from "./access-rules.js";
import { bodySizePolicy } from "./body-size.js";
import { clientCertificatePolicy } from "./client-certificate.js";
import { corsPolicy } from "./cors.js";
import { headerRulesPolicy } from "./header-rules.js";
import { identityForwardingPolicy } from "./identity-forwarding.js";
import { ipFilterPolicy } from "./ip-filter.js";
import { jwtValidationPolicy } from "./jwt-validation.js";
import { lifecyclePolicy } from "./lifecycle.js";
import { operationMatchPolicy } from "./operation-match.js";
import { pathEncodingPolicy } from "./path-encoding.js";
import type { AnyPolicy } from "./policy.js";
import { requestValidationPolicy } from "./request-validation.js";
import { subscriptionKeyPolicy } from "./subscription-key.js";
import { transportSecurityPolicy } from "./transport-security.js";
import { websocketUpgradePolicy } from "./websocket-upgrade.js";

export const defaultPolicies: readonly AnyPolicy[] = [
  transportSecurityPolicy,
  lifecyclePolicy,
  pathEncodingPolicy,
  operationMatchPolicy,
  websocketUpgradePolicy,
  clientCertificatePolicy,
  subscriptionKeyPolicy,
  jwtValidationPolicy,
  accessRulesPolicy,
  corsPolicy,
  ipFilterPolicy,
  bodySizePolicy,
  requestValidationPolicy,
  headerRulesPolicy,
  identityForwardingPolicy,
];
