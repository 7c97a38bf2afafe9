// Runs policies in a fixed order: by priority, highest first, ties broken by
// name so the order never depends on registration order. Settings are parsed
// once per API at config compile time; per request only `handle` runs.
import type { GatewayApi, GatewayConfigSnapshot } from "../contract/config-snapshot.js";
import type { AnyPolicy, PolicyContext, PolicyOutcome } from "../policies/policy.js";

/** A policy bound to one API's already-validated settings. */
interface PreparedStep {
  readonly name: string;
  run(ctx: PolicyContext): PolicyOutcome | Promise<PolicyOutcome>;
}

/** The pipeline for one API: what the request handler calls per request. */
export interface PreparedPipeline {
  readonly policyNames: readonly string[];
  /** Runs each step until one rejects; undefined means "forward it". */
  run(ctx: PolicyContext): Promise<PolicyOutcome>;
}

export class PolicySettingsError extends Error {
  constructor(policy: string, apiId: string, detail: string) {
    super(`Invalid settings for policy "${policy}" on API "${apiId}": ${detail}`);
    this.name = "PolicySettingsError";
  }
}

export class Pipeline {
  /** Execution order, for humans (logged at startup) and tests. */
  readonly policies: readonly AnyPolicy[];

  constructor(policies: readonly AnyPolicy[]) {
    const names = new Set<string>();
    for (const p of policies) {
      if (names.has(p.name)) throw new Error(`Policy "${p.name}" registered twice`);
      names.add(p.name);
    }
    this.policies = Object.freeze(
      [...policies].sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name)),
    );
  }

  describe(): string {
    return this.policies.map((p) => `${p.name}(${p.priority})`).join(" -> ");
  }

  /** Binds every policy to `api`'s settings; throws PolicySettingsError on invalid settings. */
  prepare(api: GatewayApi, snapshot: GatewayConfigSnapshot): PreparedPipeline {
    const steps: PreparedStep[] = this.policies.map((policy) => {
      const parsed = policy.schema.safeParse(policy.settingsFor(api, snapshot));
      if (!parsed.success) {
        throw new PolicySettingsError(policy.name, api.id, parsed.error.issues.map((i) => i.message).join("; "));
      }
      const settings = parsed.data;
      return { name: policy.name, run: (ctx) => policy.handle(ctx, settings) };
    });
    return {
      policyNames: steps.map((s) => s.name),
      async run(ctx) {
        for (const step of steps) {
          const outcome = await step.run(ctx);
          if (outcome) return outcome;
        }
        return undefined;
      },
    };
  }
}
