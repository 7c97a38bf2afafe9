// GET /api/v1/apis/{id}/effective-policy?method=&path=[&productId=]: every
// check and limit the gateway applies to one operation, and the scope each
// comes from, computed with the contract's effectivePolicy (the function the
// gateway compiles with), so the console shows what the gateway does.
import { z } from "zod";
import { quotaSchema, rateLimitSchema } from "@portcullis/gateway/contract/scope-policy";
import { operationRefSchema } from "./operation-policy-schemas";

export const policyScopes = ["workspace", "product", "api", "operation"] as const;

export const effectivePolicyQuerySchema = operationRefSchema.extend({
  path: z.string().min(1).max(2000).startsWith("/").describe("The operation's path template, or a request path below the API path (/orders/42)"),
  productId: z.string().min(1).max(100).optional().describe("The caller's product (its subscription's); absent: calls without a product"),
});

export const effectivePolicyResourceSchema = z
  .object({
    apiId: z.string(),
    operation: z.object({ method: z.string(), path: z.string() }).nullable().describe("The current revision's operation matched; null: none (then only the wider scopes apply)"),
    productId: z.string().nullable(),
    rules: z
      .array(
        z.object({
          name: z.string().describe("The rule's field name, as in PATCH /apis/{id} (cors, ipFilter, headerRules, maxRequestBodyBytes, requestValidation, ...)"),
          scope: z.enum(policyScopes),
          value: z.unknown().describe("The rule's value at that scope; null: turned off there"),
        }),
      )
      .describe("One entry per rule some scope sets: the most specific scope wins"),
    limits: z
      .array(
        z.discriminatedUnion("kind", [
          z.object({ kind: z.literal("rateLimit"), scope: z.enum(policyScopes), value: rateLimitSchema }),
          z.object({ kind: z.literal("quota"), scope: z.enum(policyScopes), value: quotaSchema }),
        ]),
      )
      .describe("Every limit a call must pass (they stack), widest first"),
    products: z.array(z.object({ id: z.string(), name: z.string() })).describe("Products bundling the API: ask again with productId for a subscriber's view"),
  })
  .meta({ id: "EffectivePolicy" });
export type EffectivePolicyResource = z.infer<typeof effectivePolicyResourceSchema>;
