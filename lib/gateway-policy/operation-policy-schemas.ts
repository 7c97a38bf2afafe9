// An operation's own gateway rules and limits, the most specific scope:
// GET/PUT/DELETE /api/v1/apis/{id}/operation-policies. An operation is named
// by method and path template as in the revision ("GET", "/orders/{orderId}"),
// so its policy outlives revisions that keep the operation.
import { z } from "zod";
import { scopePolicySchema } from "@portcullis/gateway/contract/scope-policy";
import { isoDate } from "@/lib/http/iso-date-schema";
import { requestRuleInputFields, scopePolicyResourceSchema } from "./request-rule-schemas";

export const operationRefSchema = z.object({
  method: z
    .string()
    .regex(/^[A-Za-z]{3,7}$/, "an HTTP method")
    .transform((m) => m.toUpperCase())
    .describe("HTTP method of the operation, e.g. GET"),
  path: z.string().min(1).max(2000).startsWith("/").describe("Path template as in the revision, e.g. /orders/{orderId}"),
});

/** The whole policy of one operation (PUT replaces it): every scope field, each absent: inherited from the API. */
export const operationPolicyFieldsSchema = scopePolicySchema
  .extend({
    cors: requestRuleInputFields.cors,
    ipFilter: requestRuleInputFields.ipFilter,
    headerRules: requestRuleInputFields.headerRules,
    maxRequestBodyBytes: requestRuleInputFields.maxRequestBodyBytes,
    requestValidation: requestRuleInputFields.requestValidation,
  })
  .strict()
  .meta({ id: "OperationPolicyFields", description: "Rules and limits of one operation; a key absent: the API's (or a wider scope's) applies, null: off for this operation" });

export const putOperationPolicyInputSchema = operationRefSchema
  .extend({ policy: operationPolicyFieldsSchema })
  .strict()
  .meta({ id: "OperationPolicyInput" });
export type PutOperationPolicyInput = z.infer<typeof putOperationPolicyInputSchema>;

export const operationPolicyResourceSchema = z
  .object({
    method: z.string(),
    path: z.string(),
    policy: scopePolicyResourceSchema,
    /** False when the current revision no longer has the operation: kept, but not applied, until it returns. */
    inCurrentRevision: z.boolean().describe("Whether the current revision has this operation (only then does the gateway apply it)"),
    updatedAt: isoDate(),
  })
  .meta({ id: "OperationPolicy" });
export type OperationPolicyResource = z.infer<typeof operationPolicyResourceSchema>;

export const operationPolicyListSchema = z.object({ items: z.array(operationPolicyResourceSchema) }).meta({ id: "OperationPolicyList" });
