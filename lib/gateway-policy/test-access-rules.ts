// The rule tester: the access rules in force for one operation (the same scope chain as the
// effective-policy answer, which the gateway compiles with) or an editor's unsaved list,
// evaluated with the contract's evaluator on the claims and request given. Changes nothing.
import { compileAccessRules, identityFromClaims, type AccessRule } from "@portcullis/gateway/contract/access-rules";
import { DEFAULT_JWT_ROLES_CLAIM } from "@portcullis/gateway/contract";
import type { Actor } from "@/lib/iam/actor";
import { getApiOrThrow } from "@/lib/apis/get-api-or-throw";
import { gatewayPathOf } from "@/lib/apis/version-sets/gateway-path";
import { readJwtRequirements } from "@/lib/apis/jwt-requirements-schema";
import type { AccessRuleTestInput, AccessRuleTestResult } from "./access-rule-test-schemas";
import { getEffectivePolicy } from "./get-effective-policy";

export async function testAccessRules(apiId: string, input: AccessRuleTestInput, actor: Actor): Promise<AccessRuleTestResult> {
  const api = await getApiOrThrow(apiId, actor);
  const effective = await getEffectivePolicy(apiId, { method: input.method, path: input.path, productId: input.productId }, actor);
  const stored = effective.rules.find((r) => r.name === "accessRules");
  const rules = input.accessRules ?? ((stored?.value as AccessRule[] | null | undefined) ?? null);
  const scope = input.accessRules ? "input" : stored && stored.value !== null ? stored.scope : null;
  if (!rules) return { allowed: true, deniedBy: null, scope: null, operation: effective.operation, rules: [] };

  const jwt = readJwtRequirements(api.jwtRequirements) as { rolesClaim?: string } | null;
  const headers = Object.fromEntries(Object.entries(input.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const verdict = compileAccessRules(rules).evaluate(
    {
      claims: input.claims,
      ...identityFromClaims(input.claims, jwt?.rolesClaim ?? DEFAULT_JWT_ROLES_CLAIM),
      ip: input.ip ?? "127.0.0.1",
      method: input.method,
      // As the gateway's request path: the API's gateway path in front.
      path: `/${gatewayPathOf(api, api.versionSet?.scheme)}${input.path}`,
      headers,
      now: input.time ? Date.parse(input.time) : Date.now(),
    },
    { all: true },
  );
  return { allowed: verdict.allowed, deniedBy: verdict.deniedBy ?? null, scope, operation: effective.operation, rules: verdict.results };
}
