// OpenAPI entries for the gateway rules of an API's operations and what is in force where.
// An API's own rules are fields of PATCH /apis/{apiId}; a product's are its `policy`; the
// workspace defaults are the `gatewayPolicy` section of /settings.
import { effectivePolicyQuerySchema, effectivePolicyResourceSchema } from "@/lib/gateway-policy/effective-policy-schemas";
import { accessRuleTestInputSchema, accessRuleTestResultSchema } from "@/lib/gateway-policy/access-rule-test-schemas";
import {
  operationPolicyListSchema,
  operationPolicyResourceSchema,
  operationRefSchema,
  putOperationPolicyInputSchema,
} from "@/lib/gateway-policy/operation-policy-schemas";
import { routeDocs } from "../route-doc";

const tag = "Gateway policies";
const scopes =
  "Rules (CORS, IP filter, header rules, body size, request validation) come from the most specific scope that sets them: operation, API, product, workspace; null at a scope turns a rule off there. Limits stack: a call must pass the product's and the API's (an operation's limit replaces its API's).";

export const gatewayPolicyRoutes = routeDocs([
  {
    method: "get",
    path: "/apis/{apiId}/operation-policies",
    operationId: "listOperationPolicies",
    summary: "The rules and limits set on each of the API's operations",
    tag,
    response: { status: 200, description: "The operation policies", schema: operationPolicyListSchema },
  },
  {
    method: "put",
    path: "/apis/{apiId}/operation-policies",
    operationId: "putOperationPolicy",
    summary: "Set (replace) one operation's rules and limits",
    description: `The operation (method and path template) must be in the current revision; its policy is kept across revisions that keep it. ${scopes}`,
    tag,
    body: putOperationPolicyInputSchema,
    response: { status: 200, description: "The operation's policy", schema: operationPolicyResourceSchema },
  },
  {
    method: "delete",
    path: "/apis/{apiId}/operation-policies",
    operationId: "deleteOperationPolicy",
    summary: "Remove an operation's own rules and limits (it inherits the API's again)",
    tag,
    query: operationRefSchema,
    response: { status: 204, description: "Removed" },
  },
  {
    method: "get",
    path: "/apis/{apiId}/effective-policy",
    operationId: "getEffectivePolicy",
    summary: "Every rule and limit the gateway applies to one operation, and the scope each comes from",
    description: `${scopes} CORS is decided before the caller is known, so it never comes from a product.`,
    tag,
    query: effectivePolicyQuerySchema,
    response: { status: 200, description: "The effective policy", schema: effectivePolicyResourceSchema },
  },
  {
    method: "post",
    path: "/apis/{apiId}/access-rules/test",
    operationId: "testAccessRules",
    summary: "The rule tester: what the API's access rules decide for these claims and this request, rule by rule",
    description:
      "Evaluates the access rules in force for the operation (or `accessRules` from the body) with the gateway's CEL evaluator; every rule is reported, `deniedBy` is the one a 403 access_denied would name. Changes nothing.",
    tag,
    body: accessRuleTestInputSchema,
    response: { status: 200, description: "The verdict", schema: accessRuleTestResultSchema },
  },
]);
