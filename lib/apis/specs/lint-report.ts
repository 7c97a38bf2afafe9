// The stored lint report (ApiRevision.lintReport) and how Redocly problems become one.
import type { z } from "zod";
import type { LintRulesetName } from "@/lib/settings/workspace-settings-schema";
import type { lintProblemSchema, lintReportSchema } from "./lint-report-schemas";

export type LintProblem = z.infer<typeof lintProblemSchema>;
export type LintSeverity = LintProblem["severity"];
/** `truncated`: problems beyond MAX_STORED_PROBLEMS are counted but not stored. */
export type LintReport = z.infer<typeof lintReportSchema>;

/** Enough for GitHub's description (3,910 findings) many times over, bounded for the JSON column. */
export const MAX_STORED_PROBLEMS = 20_000;

type RawProblem = { ruleId: string; severity: string; message: string; location: { pointer?: string }[] };

export function toLintProblems(found: RawProblem[]): LintProblem[] {
  return found
    .filter((p) => p.severity === "error" || p.severity === "warn")
    .map((p) => ({ ruleId: p.ruleId, severity: p.severity as LintSeverity, message: p.message, pointer: p.location[0]?.pointer ?? "" }));
}

/**
 * Findings are stored in one deterministic order (pointer, rule, message, severity), the
 * same whether the document was linted in one thread or sharded across several.
 */
export function toLintReport(ruleset: LintRulesetName, unordered: LintProblem[]): LintReport {
  const problems = [...unordered].sort(compareProblems);
  const errors = problems.filter((p) => p.severity === "error").length;
  const truncated = problems.length > MAX_STORED_PROBLEMS;
  return {
    ruleset,
    errors,
    warnings: problems.length - errors,
    problems: truncated ? problems.slice(0, MAX_STORED_PROBLEMS) : problems,
    ...(truncated ? { truncated } : {}),
  };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function compareProblems(a: LintProblem, b: LintProblem): number {
  return compareText(a.pointer, b.pointer) || compareText(a.ruleId, b.ruleId) || compareText(a.message, b.message) || compareText(a.severity, b.severity);
}

/** Reads a stored report defensively: older revisions may have none. */
export function readLintReport(value: unknown): LintReport | null {
  if (typeof value !== "object" || value === null) return null;
  const r = value as Partial<LintReport>;
  if (typeof r.errors !== "number" || typeof r.warnings !== "number") return null;
  return {
    ruleset: (r.ruleset ?? "recommended") as LintRulesetName,
    errors: r.errors,
    warnings: r.warnings,
    problems: Array.isArray(r.problems) ? r.problems : [],
    ...(r.truncated ? { truncated: true } : {}),
  };
}

/** The summary every API, revision and audit event carries: ruleset and counts, no problems. */
export function lintCounts(report: Pick<LintReport, "ruleset" | "errors" | "warnings">) {
  return { ruleset: report.ruleset, errors: report.errors, warnings: report.warnings };
}

/** lintCounts of a stored (Json) report; null when none was stored. */
export function storedLintCounts(stored: unknown) {
  const report = readLintReport(stored);
  return report ? lintCounts(report) : null;
}
