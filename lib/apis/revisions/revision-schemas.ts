// Revisions of an API: one imported document each, exactly one current (served
// by the gateway). Request schema for a re-import and the summary shape.
import { z } from "zod";
import { safeText } from "@/lib/http/safe-text";
import type { Prisma } from "@/generated/prisma/client";
import { storedLintCounts } from "../openapi/lint-report";
import { exactlyOneSpec, specInputFields } from "../openapi/spec-input-schema";

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


export function toRevisionSummary(row: RevisionSummaryRow) {
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

export type RevisionSummary = ReturnType<typeof toRevisionSummary>;
