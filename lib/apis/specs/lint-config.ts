// Turns the workspace lint setting into a Redocly config. Built-in rulesets are used as-is;
// a custom config is Redocly config YAML restricted to rules (no plugins, no decorators,
// no remote `extends`), because it runs on every import inside the server.
import { createConfig, lintConfig, type Config, type RawUniversalConfig } from "@redocly/openapi-core";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ApiError } from "@/lib/http/errors";
import type { LintRulesetName } from "@/lib/settings/workspace-settings-schema";
import { LocalOnlyResolver } from "./local-only-resolver";

export type LintSettings = { ruleset: LintRulesetName; customConfig: string | null };

const builtInRulesets = ["recommended", "recommended-strict", "minimal", "spec", "all"] as const;
const rules = z.record(z.string(), z.unknown()).optional();
const customConfigSchema = z
  .object({
    extends: z.array(z.enum(builtInRulesets)).optional(),
    rules,
    oas2Rules: rules,
    oas3_0Rules: rules,
    oas3_1Rules: rules,
    oas3_2Rules: rules,
  })
  .strict();

const invalidConfig = (message: string) =>
  new ApiError("validation_failed", `Custom lint config: ${message}`, { issues: [{ path: "lint.customConfig", message }] });

/** The raw Redocly config for a setting; plain JSON, so the lint worker can rebuild it. */
export function rawLintConfig(settings: LintSettings): RawUniversalConfig {
  if (settings.ruleset !== "custom") return { extends: [settings.ruleset] };
  if (!settings.customConfig?.trim()) throw invalidConfig("the 'custom' ruleset needs a Redocly config YAML");
  let value: unknown;
  try {
    value = parseYaml(settings.customConfig);
  } catch (err) {
    throw invalidConfig(`not valid YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  const parsed = customConfigSchema.safeParse(value ?? {});
  if (!parsed.success) {
    throw invalidConfig(parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; "));
  }
  // Without `extends`, Redocly applies no rules except those listed: that is what a custom config means.
  return parsed.data as RawUniversalConfig;
}

const cache = new Map<string, Promise<Config>>();

/** The Redocly Config for a setting, validated; cached because rulesets rarely change. */
export async function resolveLintConfig(settings: LintSettings): Promise<Config> {
  const raw = rawLintConfig(settings);
  const key = JSON.stringify(raw);
  let config = cache.get(key);
  if (!config) {
    config = buildConfig(raw);
    cache.set(key, config);
    config.catch(() => cache.delete(key));
    if (cache.size > 20) cache.delete(cache.keys().next().value as string);
  }
  return config;
}

async function buildConfig(raw: RawUniversalConfig): Promise<Config> {
  let config: Config;
  try {
    config = await createConfig(raw, { externalRefResolver: new LocalOnlyResolver() });
  } catch (err) {
    throw invalidConfig((err as Error).message);
  }
  const problems = await lintConfig({ config, externalRefResolver: new LocalOnlyResolver() });
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw invalidConfig(errors.map((p) => `${p.location[0]?.pointer ?? ""} ${p.message}`).join("; "));
  return config;
}
