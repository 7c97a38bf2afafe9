// Attribute-based access rules (contract/access-rules.ts): CEL conditions of the workspace,
// product, API or operation (the most specific scope's list wins whole), compiled with the
// config, evaluated per request after the key and the token identified the caller. A rule that
// fails answers 403 access_denied naming it; nothing of the token or the request is echoed.
import type { IncomingHttpHeaders } from "node:http";
import { z } from "zod";
import { compileAccessRules, type AccessRule, type CompiledAccessRules } from "../contract/access-rules.js";
import type { GatewayApi } from "../contract/config-snapshot.js";
import { rejection } from "../http/errors.js";
import { callerIdentityReader, type CallerIdentity } from "../jwt/caller-identity.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import type { Policy } from "./policy.js";
import { ruleScopesFor, scopedRule, type RuleScopes, type ScopedRule } from "./scoped-rule.js";

interface AccessRuleSettings {
  readonly rule: ScopedRule<CompiledAccessRules>;
  /** No scope of this API (nor any of its operations) sets rules: the policy is left out. */
  readonly none: boolean;
  readonly identityOf: (claims: Readonly<Record<string, unknown>>) => CallerIdentity;
}

const settingsSchema = z
  .custom<{ scopes: RuleScopes; api: GatewayApi }>((v) => typeof v === "object" && v !== null)
  .transform(({ scopes, api }): AccessRuleSettings => {
    // Every list this API can meet is compiled now, so a request never compiles, and a bad rule
    // fails the config (the console already refused it at save time).
    const compiled = new Map<readonly AccessRule[], CompiledAccessRules>();
    const lists = [scopes.workspace, scopes.api, ...scopes.products.values(), ...(api.operations ?? []).map((o) => o.policy)].map((p) => p?.accessRules);
    for (const list of lists) if (list && !compiled.has(list)) compiled.set(list, compileAccessRules(list));
    return {
      rule: scopedRule("accessRules", scopes, (list) => compiled.get(list) ?? compileAccessRules(list)),
      none: compiled.size === 0,
      identityOf: callerIdentityReader(api),
    };
  });

function headerMap(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

export const accessRulesPolicy: Policy<AccessRuleSettings> = {
  name: "access-rules",
  priority: POLICY_PRIORITY["access-rules"],
  schema: settingsSchema as z.ZodType<AccessRuleSettings>,
  settingsFor: (api, snapshot) => ({ scopes: ruleScopesFor(api, snapshot), api }),
  inactive: (settings) => settings.none,
  handle(ctx, settings) {
    const rules = settings.rule.forRequest(ctx);
    if (!rules) return undefined;
    const claims = ctx.jwt?.claims ?? {};
    const verdict = rules.evaluate({
      claims,
      ...settings.identityOf(claims),
      ip: ctx.clientIp ?? "",
      method: ctx.method,
      path: ctx.pathname,
      headers: headerMap(ctx.headers),
      now: ctx.now,
    });
    if (verdict.allowed) return undefined;
    return rejection("access_denied", undefined, `The access rule "${verdict.deniedBy}" refused the call.`);
  },
};
