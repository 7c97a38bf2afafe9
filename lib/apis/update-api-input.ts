// What an API update may change: every field optional; null clears a nullable one.
import { z } from "zod";
import { isStorableInstant, safeText, TIMESTAMP_PROBLEM } from "@/lib/http/safe-text";
import { apiLifecycles } from "./lifecycle/api-lifecycles";
import { createApiInputSchema } from "./api-schemas";
import { limitInputFields } from "@/lib/gateway-policy/limit-schemas";
import { requestRuleInputFields } from "@/lib/gateway-policy/request-rule-schemas";
import { identityRuleInputFields } from "@/lib/gateway-policy/identity-rule-schemas";
import { apiTlsInputFields } from "./api-tls-schemas";
import { apiBackendsInputFields } from "./backends/api-backends-schemas";
import { jwtRequirementsInputSchema } from "./jwt-requirements-schema";
import { versionNameSchema } from "./version-sets/version-set-schemas";

export const updateApiInputSchema = z.object({
  name: safeText().trim().min(1).max(200).optional().describe("Display name"),
  description: safeText().max(10_000).optional(),
  backendUrls: createApiInputSchema.shape.backendUrls.describe("Backends with weight 1 (older form of `backends`; weights of URLs kept stay)"),
  ...apiBackendsInputFields,
  subscriptionRequired: z.boolean().optional(),
  allowEncodedSlashes: createApiInputSchema.shape.allowEncodedSlashes,
  allowWebSockets: createApiInputSchema.shape.allowWebSockets,
  jwtRequirements: jwtRequirementsInputSchema.optional(),
  lifecycle: z
    .enum(apiLifecycles)
    .optional()
    .describe("draft -> published -> deprecated -> retired, and deprecated -> published; publishing may be gated by governance"),
  sunsetAt: z
    .string()
    .datetime({ offset: true })
    .refine(isStorableInstant, TIMESTAMP_PROBLEM)
    .nullable()
    .optional()
    .describe("When a deprecated API goes away; sent as the Sunset header (RFC 8594). null clears it"),
  versionSetId: safeText().min(1).nullable().optional().describe("Version set to join; null leaves the set"),
  versionName: versionNameSchema.nullable().optional(),
  ...apiTlsInputFields,
  ...requestRuleInputFields,
  ...identityRuleInputFields,
  ...limitInputFields,
});

export type UpdateApiInput = z.infer<typeof updateApiInputSchema>;
