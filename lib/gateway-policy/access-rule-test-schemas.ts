// POST /api/v1/apis/{id}/access-rules/test: the rule tester. Given claims and a request, it
// answers what the gateway's access rules decide, rule by rule, with the contract's evaluator.
import { z } from "zod";
import { accessRulesSchema } from "@portcullis/gateway/contract/access-rules";
import { policyScopes } from "./effective-policy-schemas";

export const accessRuleTestInputSchema = z
  .object({
    claims: z.record(z.string(), z.unknown()).describe("The token's claims as the gateway would have verified them"),
    method: z
      .string()
      .regex(/^[A-Za-z]{3,7}$/, "an HTTP method")
      .transform((m) => m.toUpperCase()),
    path: z.string().min(1).max(2000).startsWith("/").describe("The request path below the API path (/orders/42); rules see it with the API path in front"),
    headers: z.record(z.string(), z.string().max(8192)).optional().describe("Request headers (names are lower-cased)"),
    ip: z.string().max(64).optional().describe("The caller's address (default 127.0.0.1)"),
    time: z.string().datetime({ offset: true }).optional().describe("When the call happens (default now)"),
    productId: z.string().min(1).max(100).optional().describe("The caller's product, for its rules"),
    accessRules: accessRulesSchema.optional().describe("Rules to try instead of the stored ones (an editor's unsaved list)"),
  })
  .strict();
export type AccessRuleTestInput = z.infer<typeof accessRuleTestInputSchema>;

export const accessRuleTestResultSchema = z
  .object({
    allowed: z.boolean(),
    deniedBy: z.string().nullable().describe("The first rule that failed: the one a 403 access_denied names"),
    scope: z.enum([...policyScopes, "input"]).nullable().describe("Where the rules came from; null: no scope sets any (every call passes)"),
    operation: z.object({ method: z.string(), path: z.string() }).nullable(),
    rules: z.array(
      z.object({
        name: z.string(),
        effect: z.enum(["allow", "deny"]),
        outcome: z.enum(["pass", "fail", "error"]),
        value: z.boolean().optional(),
        error: z.string().optional(),
      }),
    ),
  })
  .meta({ id: "AccessRuleTestResult" });
export type AccessRuleTestResult = z.infer<typeof accessRuleTestResultSchema>;
