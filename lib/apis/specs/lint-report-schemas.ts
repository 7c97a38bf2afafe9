// Lint answers of the management API: the counts every API and revision carries, the full
// report (GET /apis/{id}/lint) and the dry run of an import (POST /apis/validate).
import { z } from "zod";
import { lintRulesetNames } from "@/lib/settings/workspace-settings-schema";

export const lintSummarySchema = z
  .object({ ruleset: z.enum(lintRulesetNames), errors: z.number().int(), warnings: z.number().int() })
  .meta({ id: "LintSummary" });
export type LintSummary = z.infer<typeof lintSummarySchema>;

export const lintProblemSchema = z
  .object({
    ruleId: z.string(),
    severity: z.enum(["error", "warn"]),
    message: z.string(),
    pointer: z.string().describe("JSON pointer into the document"),
  })
  .meta({ id: "LintProblem" });

export const lintReportSchema = lintSummarySchema
  .extend({
    problems: z.array(lintProblemSchema),
    truncated: z.boolean().optional().describe("More problems were found than stored"),
  })
  .meta({ id: "LintReport" });

export const apiLintReportSchema = lintReportSchema.extend({ revision: z.number().int() }).meta({ id: "ApiLintReport" });
export type ApiLintReport = z.infer<typeof apiLintReportSchema>;

export const specValidationSchema = z
  .object({
    specVersion: z.string(),
    sourceFormat: z.string().describe("openapi-3.0, openapi-3.1 or swagger-2.0 (converted)"),
    title: z.string(),
    version: z.string(),
    operationCount: z.number().int(),
    serverUrl: z.string().describe("servers[0] as an absolute http(s) URL, the proposed backend; empty when there is none"),
    lint: lintReportSchema,
  })
  .meta({ id: "SpecValidation" });
export type SpecValidation = z.infer<typeof specValidationSchema>;
