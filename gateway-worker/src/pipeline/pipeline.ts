// Runs policies in a fixed order: by priority, highest first, ties broken by
// name so the order never depends on registration order. Settings are parsed
// once per API at config compile time; per request only `handle` runs, and only
// of the policies that have something to do for that API (see Policy.inactive).
// Steps run synchronously until one returns a promise: an API whose policies are
// all synchronous is admitted without a single await.
import type { GatewayApi } from "../contract/config-snapshot.js";
import type { AnyPolicy, PolicyContext, PolicyOutcome, PolicyScopes } from "../policies/policy.js";

/** A policy bound to one API's already-validated settings. */
interface PreparedStep {
  readonly name: string;
  run(ctx: PolicyContext): PolicyOutcome | Promise<PolicyOutcome>;
}

/** The pipeline for one API: what the request handler calls per request. */
export interface PreparedPipeline {
  readonly policyNames: readonly string[];
  /** Runs each step until one rejects; undefined means "forward it". A promise only if some step was asynchronous. */
  run(ctx: PolicyContext): PolicyOutcome | Promise<PolicyOutcome>;
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
  prepare(api: GatewayApi, snapshot: PolicyScopes): PreparedPipeline {
    const steps: PreparedStep[] = [];
    for (const policy of this.policies) {
      const parsed = policy.schema.safeParse(policy.settingsFor(api, snapshot));
      if (!parsed.success) {
        throw new PolicySettingsError(policy.name, api.id, parsed.error.issues.map((i) => i.message).join("; "));
      }
      const settings = parsed.data;
      if (policy.inactive?.(settings)) continue; // nothing to do for this API, whatever the request
      steps.push({ name: policy.name, run: (ctx) => policy.handle(ctx, settings) });
    }
    return { policyNames: steps.map((s) => s.name), run: (ctx) => runFrom(steps, 0, ctx) };
  }
}

function isPromise(value: PolicyOutcome | Promise<PolicyOutcome>): value is Promise<PolicyOutcome> {
  return typeof (value as Promise<PolicyOutcome> | undefined)?.then === "function";
}

function runFrom(steps: readonly PreparedStep[], start: number, ctx: PolicyContext): PolicyOutcome | Promise<PolicyOutcome> {
  for (let i = start; i < steps.length; i++) {
    const outcome = steps[i].run(ctx);
    if (isPromise(outcome)) return outcome.then((settled) => settled ?? runFrom(steps, i + 1, ctx));
    if (outcome) return outcome;
  }
  return undefined;
}
