// The stored lint report (ApiRevision.lintReport) and how Redocly problems become one.
import type { LintRulesetName } from "@/lib/settings/workspace-settings-schema";

export type LintSeverity = "error" | "warn";
export type LintProblem = { ruleId: string; severity: LintSeverity; message: string; pointer: string };
export type LintReport = {
  ruleset: LintRulesetName;
  errors: number;
  warnings: number;
  problems: LintProblem[];
  /** Problems beyond MAX_STORED_PROBLEMS are counted but not stored. */
  truncated?: boolean;
};

/** Enough for GitHub's description (3,910 findings) many times over, bounded for the JSON column. */
export const MAX_STORED_PROBLEMS = 20_000;

type RawProblem = { ruleId: string; severity: string; message: string; location: { pointer?: string }[] };

export function toLintProblems(found: RawProblem[]): LintProblem[] {
  return found
    .filter((p) => p.severity === "error" || p.severity === "warn")
    .map((p) => ({ ruleId: p.ruleId, severity: p.severity as LintSeverity, message: p.message, pointer: p.location[0]?.pointer ?? "" }));
}

export function toLintReport(ruleset: LintRulesetName, problems: LintProblem[]): LintReport {
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
