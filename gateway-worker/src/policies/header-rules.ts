// Sets and removes request headers before forwarding and response headers
// before relaying. The contract already refuses hop-by-hop, framing and
// forwarding names; the API's subscription key header is skipped here too, so
// no rule can hand a key to the backend. Runs last among the request policies,
// so every check above sees the request as the client sent it.
import type { GatewayApi, HeaderRules } from "../contract/config-snapshot.js";
import { RESERVED_HEADER_NAMES } from "../contract/config-snapshot.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import type { Policy } from "./policy.js";
import { ruleScopesFor, scopedRule, type RuleScopes, type ScopedRule } from "./scoped-rule.js";
import { z } from "zod";

interface CompiledEdits {
  readonly set: readonly [string, string][];
  readonly remove: readonly string[];
}

interface CompiledHeaderRules {
  readonly request: CompiledEdits;
  readonly response: CompiledEdits;
}

function compileEdits(edits: HeaderRules["request"], keyHeader: string): CompiledEdits {
  const allowed = (name: string) => !RESERVED_HEADER_NAMES.has(name) && name !== keyHeader;
  return {
    set: Object.entries(edits?.set ?? {})
      .map(([name, value]): [string, string] => [name.toLowerCase(), value])
      .filter(([name]) => allowed(name)),
    remove: (edits?.remove ?? []).map((name) => name.toLowerCase()).filter(allowed),
  };
}

function applyEdits(headers: Record<string, string | string[] | undefined>, edits: CompiledEdits) {
  for (const name of edits.remove) delete headers[name];
  for (const [name, value] of edits.set) headers[name] = value;
}

// The subscription key header differs per API, so the schema binds the scopes to the API's own name.
const settingsSchema = z
  .custom<{ scopes: RuleScopes; api: GatewayApi }>((v) => typeof v === "object" && v !== null)
  .transform(({ scopes, api }) => {
    const keyHeader = api.subscription.header.toLowerCase();
    return scopedRule("headerRules", scopes, (rules): CompiledHeaderRules => ({
      request: compileEdits(rules.request, keyHeader),
      response: compileEdits(rules.response, keyHeader),
    }));
  });

export const headerRulesPolicy: Policy<ScopedRule<CompiledHeaderRules>> = {
  name: "header-rules",
  priority: POLICY_PRIORITY["header-rules"],
  schema: settingsSchema as z.ZodType<ScopedRule<CompiledHeaderRules>>,
  settingsFor: (api, snapshot) => ({ scopes: ruleScopesFor(api, snapshot), api }),
  inactive: (rule) => rule.unset,
  handle(ctx, rule) {
    const rules = rule.forRequest(ctx);
    if (!rules) return undefined;
    applyEdits(ctx.headers, rules.request);
    if (rules.response.set.length + rules.response.remove.length > 0) {
      (ctx.responseHeaderEdits ??= []).push((headers) => applyEdits(headers, rules.response));
    }
    return undefined;
  },
};
