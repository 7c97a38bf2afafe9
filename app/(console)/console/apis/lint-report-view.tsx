"use client";
// A lint report grouped by rule: counts, then one collapsible group per rule with each
// finding's severity, JSON pointer and message. Used by the import form and the API page.
import { useMemo } from "react";
import type { LintProblem, LintReport } from "@/lib/client/api-types";
import { Badge } from "@/components/ui/badge";

type RuleGroup = { ruleId: string; severity: LintProblem["severity"]; problems: LintProblem[] };

/** Rules with errors first, then by number of findings. */
function groupByRule(problems: LintProblem[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const problem of problems) {
    const group = groups.get(problem.ruleId) ?? { ruleId: problem.ruleId, severity: problem.severity, problems: [] };
    if (problem.severity === "error") group.severity = "error";
    group.problems.push(problem);
    groups.set(problem.ruleId, group);
  }
  return [...groups.values()].sort((a, b) => (a.severity === b.severity ? b.problems.length - a.problems.length : a.severity === "error" ? -1 : 1));
}

/** A rule's list can hold thousands of findings (GitHub: 1,493 for one rule); show the first ones. */
const SHOWN_PER_RULE = 200;

export function LintCountBadges({ errors, warnings }: { errors: number; warnings: number }) {
  return (
    <span className="lint-counts">
      <Badge tone={errors > 0 ? "danger" : "success"}>{errors} error(s)</Badge>{" "}
      <Badge tone={warnings > 0 ? "warning" : "neutral"}>{warnings} warning(s)</Badge>
    </span>
  );
}

export function LintReportView({ report }: { report: LintReport }) {
  const groups = useMemo(() => groupByRule(report.problems), [report.problems]);
  return (
    <div className="lint-report" aria-label="Lint report">
      <p>
        Ruleset <code>{report.ruleset}</code>: <LintCountBadges errors={report.errors} warnings={report.warnings} />{" "}
        {groups.length > 0 && <span className="muted">in {groups.length} rule(s). Lint findings never block an import.</span>}
      </p>
      {report.truncated && <p className="muted">Only the first {report.problems.length} findings were stored.</p>}
      {groups.length === 0 && <p className="muted">No findings.</p>}
      {groups.map((group) => (
        <details key={group.ruleId} className="lint-rule">
          <summary>
            <Badge tone={group.severity === "error" ? "danger" : "warning"}>{group.severity}</Badge> <code>{group.ruleId}</code>{" "}
            <span className="muted">({group.problems.length})</span>
          </summary>
          <ul>
            {group.problems.slice(0, SHOWN_PER_RULE).map((problem, i) => (
              <li key={i}>
                <code>{problem.pointer || "(document)"}</code> {problem.message}
              </li>
            ))}
            {group.problems.length > SHOWN_PER_RULE && <li className="muted">…and {group.problems.length - SHOWN_PER_RULE} more</li>}
          </ul>
        </details>
      ))}
    </div>
  );
}
