// Identity forwarding (contract/forward-identity.ts): the configured subject, client and roles
// headers are removed from every request and, once jwt-validation verified a token, set from
// it, so the backend can trust them and a client can never inject them. stripAuthorization
// removes the token's header. Runs after header-rules, so nothing can overwrite them.
import type { ForwardIdentity } from "../contract/forward-identity.js";
import type { GatewayApi } from "../contract/config-snapshot.js";
import { callerIdentityReader, type CallerIdentity } from "../jwt/caller-identity.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import type { Policy } from "./policy.js";
import { ruleScopesFor, scopedRule, type RuleScopes, type ScopedRule } from "./scoped-rule.js";
import { z } from "zod";

interface CompiledForwarding {
  readonly subject?: string;
  readonly client?: string;
  readonly roles?: string;
  /** Lower-case name of the token's header, when it is stripped. */
  readonly strip?: string;
}

interface ForwardingSettings {
  readonly rule: ScopedRule<CompiledForwarding>;
  readonly none: boolean;
  readonly identityOf: (claims: Readonly<Record<string, unknown>>) => CallerIdentity;
}

/** Visible ASCII is sent as it is; anything else (non-ASCII names, control characters) percent-encoded. */
const headerValue = (text: string) => (/^[\x20-\x7e]*$/.test(text) ? text : encodeURIComponent(text));

const settingsSchema = z
  .custom<{ scopes: RuleScopes; api: GatewayApi }>((v) => typeof v === "object" && v !== null)
  .transform(({ scopes, api }): ForwardingSettings => {
    const tokenHeader = (api.jwt?.tokenHeader ?? "authorization").toLowerCase();
    const compile = (f: ForwardIdentity): CompiledForwarding => ({
      subject: f.subjectHeader?.toLowerCase(),
      client: f.clientHeader?.toLowerCase(),
      roles: f.rolesHeader?.toLowerCase(),
      strip: f.stripAuthorization ? tokenHeader : undefined,
    });
    const set = [scopes.workspace, scopes.api, ...scopes.products.values(), ...(api.operations ?? []).map((o) => o.policy)].some((p) => p?.forwardIdentity);
    return { rule: scopedRule("forwardIdentity", scopes, compile), none: !set, identityOf: callerIdentityReader(api) };
  });

export const identityForwardingPolicy: Policy<ForwardingSettings> = {
  name: "identity-forwarding",
  priority: POLICY_PRIORITY["identity-forwarding"],
  schema: settingsSchema as z.ZodType<ForwardingSettings>,
  settingsFor: (api, snapshot) => ({ scopes: ruleScopesFor(api, snapshot), api }),
  inactive: (settings) => settings.none,
  handle(ctx, settings) {
    const f = settings.rule.forRequest(ctx);
    if (!f) return undefined;
    const headers = ctx.headers as Record<string, string | string[] | undefined>;
    for (const name of [f.subject, f.client, f.roles]) if (name) delete headers[name];
    if (f.strip) delete headers[f.strip];
    const claims = ctx.jwt?.claims;
    if (!claims) return undefined;
    const identity = settings.identityOf(claims);
    if (f.subject && identity.subject) headers[f.subject] = headerValue(identity.subject);
    if (f.client && identity.client) headers[f.client] = headerValue(identity.client);
    if (f.roles && identity.roles.length > 0) headers[f.roles] = headerValue(identity.roles.join(","));
    return undefined;
  },
};
