// Lints an OpenAPI document with a Redocly ruleset; the report is stored, never blocking.
import { createConfig, lintFromString, BaseResolver } from "@redocly/openapi-core";

export const lintRulesets = ["recommended", "minimal", "spec"] as const;
export type LintRuleset = (typeof lintRulesets)[number];

export type LintProblem = { ruleId: string; severity: "error" | "warn"; message: string; pointer: string };
export type LintReport = { ruleset: LintRuleset; errors: number; warnings: number; problems: LintProblem[] };

class NoExternalResolver extends BaseResolver {
  async loadExternalRef(absoluteRef: string): Promise<never> {
    throw new Error(`External $ref not allowed: ${absoluteRef}`);
  }
}

export async function lintOpenApi(sourceJson: string, ruleset: LintRuleset = "recommended"): Promise<LintReport> {
  const config = await createConfig({ extends: [ruleset] });
  const found = await lintFromString({
    source: sourceJson,
    absoluteRef: "/openapi.json",
    config,
    externalRefResolver: new NoExternalResolver(),
  });
  const problems: LintProblem[] = found
    .filter((p) => p.severity === "error" || p.severity === "warn")
    .map((p) => ({
      ruleId: p.ruleId,
      severity: p.severity as "error" | "warn",
      message: p.message,
      pointer: p.location[0]?.pointer ?? "",
    }));
  return {
    ruleset,
    errors: problems.filter((p) => p.severity === "error").length,
    warnings: problems.filter((p) => p.severity === "warn").length,
    problems,
  };
}
