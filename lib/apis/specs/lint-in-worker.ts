// Linting a big document (GitHub's: ~5 s single-threaded, ~4 s of it example validation)
// on the worker pool, sharded across the cores (lint-shards.ts), while the main thread
// bundles and writes the database. The report is the same multiset of findings as one
// single-threaded lint of the same JSON, in the stored order (see toLintReport).
import { detectSpec, type RawUniversalConfig } from "@redocly/openapi-core";
import { rawLintConfig, resolveLintConfig, type LintSettings } from "./lint-config";
import { toLintReport, type LintReport } from "./lint-report";
import { planLintShards, SHARDED_RULE } from "./lint-shards";
import { LINT_POOL_SIZE, runLintTask } from "./lint-worker-pool";

/**
 * `json` is the document as JSON text (each worker parses its own copy); `parsed` is the
 * same document, read synchronously here to plan the shards, before any await.
 */
export async function lintInWorker(
  json: string,
  parsed: Record<string, unknown>,
  settings: LintSettings,
  options: { shards?: number } = {},
): Promise<LintReport> {
  const shards = planLintShards(parsed, json, options.shards ?? LINT_POOL_SIZE);
  const specVersion = detectSpec(parsed);
  const config = await resolveLintConfig(settings); // validates a custom config here, with our error messages
  const sharded = config.getRuleSettings(SHARDED_RULE, specVersion);
  const raw = rawLintConfig(settings);
  if (shards.length === 0 || sharded.severity === "off") {
    return toLintReport(settings.ruleset, await runLintTask({ json, config: raw }));
  }

  // A shard runs the sharded rule with the effective settings of this document's version,
  // and struct as configured (struct decides which nodes later rules get to see).
  const struct = config.getRuleSettings("struct", specVersion);
  const shardConfig = { rules: { [SHARDED_RULE]: sharded, ...(struct.severity === "off" ? {} : { struct }) } } as RawUniversalConfig;
  const results = await Promise.all([
    runLintTask({ json, config: raw, gate: { ruleId: SHARDED_RULE, keys: shards.flat(), owns: false } }),
    ...shards.map((keys) =>
      runLintTask({ json, config: shardConfig, gate: { ruleId: SHARDED_RULE, keys, owns: true }, keepPaths: keys, onlyRule: SHARDED_RULE }),
    ),
  ]);
  return toLintReport(settings.ruleset, results.flat());
}
