// Revisions of an API: one imported document each, exactly one current (served
// by the gateway). Request schema for a re-import, the summary and diff shapes.
import { z } from "zod";
import { isoDate } from "@/lib/http/iso-date-schema";
import { safeText } from "@/lib/http/safe-text";
import { pageOf, pageQueryFields } from "@/lib/http/cursor-page";
import type { Prisma } from "@/generated/prisma/client";
import { storedLintCounts } from "../specs/lint-report";
import { lintSummarySchema } from "../specs/lint-report-schemas";
import { exactlyOneSpec, specInputFields } from "../specs/spec-input-schema";
import { comparedFields } from "./diff-operations";

export const createRevisionInputSchema = z
  .object({
    ...specInputFields,
    notes: safeText().max(10_000).optional().describe("What changed in this revision, for the people reviewing it"),
  })
  .refine(...exactlyOneSpec);
export type CreateRevisionInput = z.infer<typeof createRevisionInputSchema>;

export const revisionNumberSchema = z.coerce
  .number({ message: "must be a revision number" })
  .int()
  .positive()
  .describe("Revision number, 1 for the first import");

export const diffQuerySchema = z.object({
  against: z
    .union([z.literal("current"), revisionNumberSchema])
    .default("current")
    .describe("The revision to compare with: 'current' (default) or a revision number"),
});

/** Everything a summary needs, without the (possibly 13 MB) document itself. */
export const revisionSummarySelect = {
  id: true,
  number: true,
  isCurrent: true,
  title: true,
  version: true,
  specVersion: true,
  sourceFormat: true,
  notes: true,
  createdAt: true,
  lintReport: true,
  _count: { select: { operations: true } },
} satisfies Prisma.ApiRevisionSelect;

type RevisionSummaryRow = Prisma.ApiRevisionGetPayload<{ select: typeof revisionSummarySelect }>;

export const revisionSummarySchema = z
  .object({
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
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;

export const listRevisionsQuerySchema = z.object({ ...pageQueryFields });
export type ListRevisionsQuery = z.infer<typeof listRevisionsQuerySchema>;

export const revisionPageSchema = pageOf(revisionSummarySchema, "RevisionPage", "Newest first");

export function toRevisionSummary(row: RevisionSummaryRow): RevisionSummary {
  return {
    id: row.id,
    number: row.number,
    isCurrent: row.isCurrent,
    title: row.title,
    version: row.version,
    specVersion: row.specVersion,
    sourceFormat: row.sourceFormat,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    operationCount: row._count.operations,
    lint: storedLintCounts(row.lintReport),
  };
}

export const diffOperationSchema = z
  .object({ method: z.string(), path: z.string(), operationId: z.string().nullable(), summary: z.string(), tags: z.array(z.string()) })
  .meta({ id: "DiffOperation" });

export const operationsDiffSchema = z
  .object({
    added: z.array(diffOperationSchema),
    removed: z.array(diffOperationSchema),
    changed: z.array(
      z.object({
        method: z.string(),
        path: z.string(),
        before: diffOperationSchema,
        after: diffOperationSchema,
        fields: z.array(z.enum(comparedFields)),
      }),
    ),
  })
  .meta({ id: "OperationsDiff" });

export const revisionDiffSchema = operationsDiffSchema
  .extend({ revision: z.number().int(), against: z.number().int() })
  .meta({ id: "RevisionDiff" });
export type RevisionDiff = z.infer<typeof revisionDiffSchema>;

export const createdRevisionSchema = revisionSummarySchema
  .extend({ diff: operationsDiffSchema.extend({ against: z.number().int().nullable() }) })
  .meta({ id: "CreatedRevision", description: "The new revision (not yet current) and its diff against the current one" });
export type CreatedRevision = z.infer<typeof createdRevisionSchema>;
