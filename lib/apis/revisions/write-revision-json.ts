// Writes a revision's big JSON columns (the spec, up to tens of MB, and the lint report)
// as one text parameter cast to jsonb. Prisma's Json argument path walks and re-encodes the
// whole value on the main thread (~1 s for GitHub's 13 MB description, more while lint
// workers share the CPU); as text, serialising is one JSON.stringify and PostgreSQL does
// the parse in its own process (~0.35 s in all).
import type { Prisma } from "@/generated/prisma/client";
import type { LintReport } from "../specs/lint-report";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

/** Placeholder for the non-null spec column until writeRevisionSpec fills it, in the same transaction. */
export const SPEC_PENDING = {} as Prisma.InputJsonValue;

export async function writeRevisionSpec(tx: Tx, revisionId: string, document: Record<string, unknown>): Promise<void> {
  await tx.$executeRaw`UPDATE "ApiRevision" SET "spec" = ${JSON.stringify(document)}::jsonb WHERE "id" = ${revisionId}`;
}

export async function writeRevisionLintReport(tx: Tx, revisionId: string, report: LintReport): Promise<void> {
  await tx.$executeRaw`UPDATE "ApiRevision" SET "lintReport" = ${JSON.stringify(report)}::jsonb WHERE "id" = ${revisionId}`;
}
