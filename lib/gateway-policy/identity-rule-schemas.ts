// Access rules (CEL) and identity forwarding as the management API takes and shows them, at
// every scope (an API's PATCH fields, an operation's policy). Each field is the contract's
// schema, so a rule the console saves is one the gateway compiles: an expression that does not
// compile is refused at save time (400 validation_failed, the CEL problem and its position in the
// issue). Browser-safe: the console's forms import it.
import { accessRulesSchema } from "@portcullis/gateway/contract/access-rules";
import { forwardIdentitySchema } from "@portcullis/gateway/contract/forward-identity";
import type { ScopePolicy } from "@portcullis/gateway/contract/scope-policy";

/** PATCH fields: absent keeps the stored value, null turns it off at this scope. */
export const identityRuleInputFields = {
  accessRules: accessRulesSchema
    .nullable()
    .optional()
    .describe(
      "CEL access rules, all of which must hold (allow: true, deny: false); the first that fails answers 403 access_denied naming it. The most specific scope's list wins whole. null: none here",
    ),
  forwardIdentity: forwardIdentitySchema
    .nullable()
    .optional()
    .describe("Headers the backend gets the verified token's subject, client and roles in (clients cannot inject them), and whether to strip the token. null: none"),
};

export const identityRuleResourceFields = {
  accessRules: accessRulesSchema.nullable().describe("Access rules at this scope; null: none set here"),
  forwardIdentity: forwardIdentitySchema.nullable().describe("Identity forwarding at this scope; null: none set here"),
};

export function readIdentityRules(policy: ScopePolicy) {
  return { accessRules: policy.accessRules ?? null, forwardIdentity: policy.forwardIdentity ?? null };
}
