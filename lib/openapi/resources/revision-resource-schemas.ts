// Response shapes of revisions, lint reports, diffs and version sets for the OpenAPI document.
// They mirror lib/apis/revisions, lib/apis/openapi/lint-report and lib/apis/version-sets (loose:
// fields added there are allowed here).
import { z } from "zod";
import { isoDate } from "./common-schemas";
import { lintSummarySchema } from "./catalog-resource-schemas";

export const lintProblemSchema = z
  .looseObject({
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

export const specValidationSchema = z
  .looseObject({
    specVersion: z.string(),
    sourceFormat: z.string().describe("openapi-3.0, openapi-3.1 or swagger-2.0 (converted)"),
    title: z.string(),
    version: z.string(),
    operationCount: z.number().int(),
    lint: lintReportSchema,
  })
  .meta({ id: "SpecValidation" });

export const revisionSummarySchema = z
  .looseObject({
    id: z.string(),
    number: z.number().int(),
    isCurrent: z.boolean(),
    title: z.string(),
    version: z.string(),
    specVersion: z.string(),
    sourceFormat: z.string(),
    notes: z.string(),
    createdAt: isoDate(),
    operationCount: z.number().int(),
    lint: lintSummarySchema.nullable(),
  })
  .meta({ id: "RevisionSummary" });

const diffOperation = z
  .looseObject({ method: z.string(), path: z.string(), operationId: z.string().nullable(), summary: z.string(), tags: z.array(z.string()) })
  .meta({ id: "DiffOperation" });

export const operationsDiffSchema = z
  .looseObject({
    added: z.array(diffOperation),
    removed: z.array(diffOperation),
    changed: z.array(
      z.looseObject({ method: z.string(), path: z.string(), before: diffOperation, after: diffOperation, fields: z.array(z.string()) }),
    ),
  })
  .meta({ id: "OperationsDiff" });

export const revisionDiffSchema = operationsDiffSchema
  .extend({ revision: z.number().int(), against: z.number().int() })
  .meta({ id: "RevisionDiff" });

export const createdRevisionSchema = revisionSummarySchema
  .extend({ diff: operationsDiffSchema.extend({ against: z.number().int().nullable() }) })
  .meta({ id: "CreatedRevision", description: "The new revision (not yet current) and its diff against the current one" });

export const versionSetSchema = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    scheme: z.enum(["path", "header", "query"]),
    parameterName: z.string().nullable().describe("null for the path scheme"),
    ownerId: z.string().nullable().describe("The publisher who created the set; null for a platform admin's set, which only admins manage"),
    apis: z.array(z.looseObject({ id: z.string(), name: z.string(), versionName: z.string().nullable(), lifecycle: z.string() })),
    createdAt: isoDate(),
    updatedAt: isoDate(),
  })
  .meta({ id: "VersionSet" });
