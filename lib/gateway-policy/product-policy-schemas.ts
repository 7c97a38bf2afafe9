// A product's gateway rules, for its subscribers: `policy` on PATCH
// /api/v1/products/{id}, merged key by key. The product's rateLimit and quota
// stay top-level fields, as before. CORS is not a product rule: a browser's
// preflight carries no key, so the gateway answers it before it knows the
// product (see the gateway's cors policy).
import { scopePolicySchema } from "@portcullis/gateway/contract/scope-policy";
import { requestRuleInputFields, scopePolicyResourceSchema } from "./request-rule-schemas";

export const productPolicyInputSchema = scopePolicySchema
  .omit({ rateLimit: true, quota: true, cors: true })
  .extend({
    ipFilter: requestRuleInputFields.ipFilter,
    headerRules: requestRuleInputFields.headerRules,
    maxRequestBodyBytes: requestRuleInputFields.maxRequestBodyBytes,
    requestValidation: requestRuleInputFields.requestValidation,
  })
  .strict()
  .describe("Gateway rules for this product's subscribers, where an API or operation sets none; each key absent: kept, null: off")
  .meta({ id: "ProductPolicyInput" });

export const productPolicyResourceSchema = scopePolicyResourceSchema.describe("Rules set on this product; {} when none");
