// The request rules (CORS, IP filter, header rules, body size, request
// validation) as the management API takes and shows them, at every scope.
// Each field is the contract's schema (gateway-worker/src/contract/
// request-rules.ts), so the console accepts exactly what a gateway runs.
// Browser-safe: the console's forms validate with these.
import ipaddr from "ipaddr.js";
import { z } from "zod";
// The zod-only modules, not the whole contract (parts of which need node:crypto): forms import this file.
import { corsSchema, headerRulesSchema, ipFilterSchema, requestRuleFields } from "@portcullis/gateway/contract/request-rules";
import { scopePolicySchema, type ScopePolicy } from "@portcullis/gateway/contract/scope-policy";

/** One scope's rules and limits as stored and answered, the same shape at every scope. */
export const scopePolicyResourceSchema = scopePolicySchema.meta({
  id: "ScopePolicy",
  description: "Gateway rules and limits set at one scope (workspace, product, API or operation); a key absent: inherited, null: off here",
});

export const REQUEST_RULE_NAMES = ["cors", "ipFilter", "headerRules", "maxRequestBodyBytes", "requestValidation"] as const;
export type RequestRuleName = (typeof REQUEST_RULE_NAMES)[number];

/** PATCH fields: absent keeps the stored rule, null turns the rule off at this scope (a wider one no longer applies). */
export const requestRuleInputFields = {
  cors: requestRuleFields.cors.describe(
    "CORS answered at the gateway: preflights before the key check, Allow-Origin on every answer, the RateLimit, Retry-After and X-Request-Id headers exposed. null: off for this API",
  ),
  ipFilter: requestRuleFields.ipFilter
    // The contract checks the text; ipaddr.js, which the gateway parses them with, must agree.
    .refine((f) => f === null || f === undefined || [...(f.allow ?? []), ...(f.deny ?? [])].every(parsesAsRange), "every entry must be an IPv4 or IPv6 address or CIDR")
    .describe(
    "Allow/deny lists of IPv4/IPv6 addresses or CIDRs (deny wins); others get 403 ip_forbidden. X-Forwarded-For counts only from GATEWAY_TRUSTED_PROXIES. null: off",
  ),
  headerRules: requestRuleFields.headerRules.describe(
    "Headers set or removed on the request before forwarding and on the response before relaying; hop-by-hop, framing, forwarding and the subscription key header cannot be named. null: off",
  ),
  maxRequestBodyBytes: requestRuleFields.maxRequestBodyBytes.describe(
    "Largest request body in bytes: 413 payload_too_large from Content-Length at once, or as soon as a chunked body passes it. null: no limit",
  ),
  requestValidation: z
    .boolean()
    .optional()
    .describe("Check path, query and header parameters and JSON bodies against the current revision's OpenAPI schemas: 400 request_invalid with a JSON pointer per problem"),
};

const parsesAsRange = (text: string) => (text.includes("/") ? ipaddr.isValidCIDR(text) : ipaddr.isValid(text));

/** What an answer shows: every rule, null (or false) when this scope sets none. */
export const requestRuleResourceFields = {
  cors: corsSchema.nullable().describe("CORS at this scope; null: none set here"),
  ipFilter: ipFilterSchema.nullable().describe("IP filter at this scope; null: none set here"),
  headerRules: headerRulesSchema.nullable().describe("Header rules at this scope; null: none set here"),
  maxRequestBodyBytes: z.number().int().nullable().describe("Body size limit at this scope; null: none set here"),
  requestValidation: z.boolean().describe("Whether this scope switches request validation on"),
};

export type RequestRulesResource = { [K in keyof typeof requestRuleResourceFields]: z.infer<(typeof requestRuleResourceFields)[K]> };

export function readRequestRules(policy: ScopePolicy): RequestRulesResource {
  return {
    cors: policy.cors ?? null,
    ipFilter: policy.ipFilter ?? null,
    headerRules: policy.headerRules ?? null,
    maxRequestBodyBytes: policy.maxRequestBodyBytes ?? null,
    requestValidation: policy.requestValidation ?? false,
  };
}
