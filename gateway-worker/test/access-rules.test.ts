// The CEL access-rule evaluator shared by the console and the gateway (contract/access-rules.ts):
// true, false and erring expressions, deny rules, time and IP conditions, and the compile errors
// the console answers at save time.
import { describe, expect, it } from "vitest";
import { accessRulesSchema, celProblemOf, compileAccessRules, inCidr, type AccessRule, type AccessRuleRequest } from "../src/contract/access-rules.ts";
import { scopePolicySchema } from "../src/contract/scope-policy.ts";

// Wednesday 2026-01-07 08:30 UTC (09:30 in Berlin).
const WEDNESDAY_0830_UTC = Date.UTC(2026, 0, 7, 8, 30);

const request = (overrides: Partial<AccessRuleRequest> = {}): AccessRuleRequest => ({
  claims: { sub: "u1", dept: "finance", level: 3, realm_access: { roles: ["orders-reader"] } },
  subject: "u1",
  client: "orders-app",
  roles: ["orders-reader"],
  scopes: ["orders:read"],
  ip: "10.1.2.3",
  method: "GET",
  path: "/orders/1",
  headers: { "x-tenant": "acme" },
  now: WEDNESDAY_0830_UTC,
  ...overrides,
});

const verdict = (rules: AccessRule[], req = request(), all = false) => compileAccessRules(rules).evaluate(req, { all });

describe("access rules", () => {
  it("allows when every allow rule is true, and names the first false one", () => {
    const rules: AccessRule[] = [
      { name: "finance only", expression: 'claims.dept == "finance"' },
      { name: "tenant header", expression: 'request.headers["x-tenant"] == "acme"' },
      { name: "level", expression: "claims.level >= 3 && 'orders-reader' in roles && 'orders:read' in scopes" },
    ];
    expect(verdict(rules)).toMatchObject({ allowed: true });
    const denied = verdict(rules, request({ headers: { "x-tenant": "other" } }));
    expect(denied).toMatchObject({ allowed: false, deniedBy: "tenant header" });
    // Without `all`, evaluation stops at the first failure; with it, every rule is reported.
    expect(denied.results.map((r) => r.outcome)).toEqual(["pass", "fail"]);
    expect(verdict(rules, request({ headers: {} }), true).results.map((r) => r.outcome)).toEqual(["pass", "error", "pass"]);
  });

  it("refuses when a deny rule is true", () => {
    const rules: AccessRule[] = [{ name: "no deletes by apps", effect: "deny", expression: 'request.method == "DELETE" && client == "orders-app"' }];
    expect(verdict(rules).allowed).toBe(true);
    expect(verdict(rules, request({ method: "DELETE" }))).toMatchObject({ allowed: false, deniedBy: "no deletes by apps" });
  });

  it("fails closed on an erring or non-bool expression, and has() guards optional claims", () => {
    expect(verdict([{ name: "missing", expression: 'claims.team == "a"' }])).toMatchObject({ allowed: false, deniedBy: "missing", results: [{ outcome: "error" }] });
    expect(verdict([{ name: "not bool", expression: "claims.dept" }]).results[0]).toMatchObject({ outcome: "error", error: expect.stringContaining("bool") });
    // A deny rule that errs refuses too: an error never lets a call through.
    expect(verdict([{ name: "deny errs", effect: "deny", expression: "claims.team == 'a'" }]).allowed).toBe(false);
    expect(verdict([{ name: "guarded", expression: '!has(claims.team) || claims.team == "a"' }]).allowed).toBe(true);
  });

  it("reads the time of day and weekday in UTC or the rule's zone", () => {
    const officeHours = "now.weekday >= 1 && now.weekday <= 5 && now.hour >= 9 && now.hour < 17";
    expect(verdict([{ name: "office hours", expression: officeHours }])).toMatchObject({ allowed: false, deniedBy: "office hours" });
    expect(verdict([{ name: "office hours", expression: officeHours, timeZone: "Europe/Berlin" }]).allowed).toBe(true);
    expect(verdict([{ name: "date", expression: 'now.date == "2026-01-07" && now.minute == 30 && now.month == 1' }]).allowed).toBe(true);
    const saturday = request({ now: Date.UTC(2026, 0, 10, 12) });
    expect(verdict([{ name: "weekdays", expression: officeHours }], saturday).allowed).toBe(false);
  });

  it("matches source addresses with inCidr, IPv4 and IPv6", () => {
    const rules: AccessRule[] = [{ name: "internal", expression: 'inCidr(request.ip, "10.0.0.0/8") || inCidr(request.ip, "2001:db8::/32")' }];
    expect(verdict(rules).allowed).toBe(true);
    expect(verdict(rules, request({ ip: "::ffff:10.9.9.9" })).allowed).toBe(true);
    expect(verdict(rules, request({ ip: "2001:db8:1::5" })).allowed).toBe(true);
    expect(verdict(rules, request({ ip: "192.168.0.1" })).allowed).toBe(false);
    expect(verdict(rules, request({ ip: "2001:db9::1" })).allowed).toBe(false);
    expect(inCidr("203.0.113.7", "203.0.113.7")).toBe(true);
    expect(inCidr("::1", "::1/128")).toBe(true);
    expect(inCidr("not an ip", "10.0.0.0/8")).toBe(false);
  });

  it("refuses at save time a syntax error, an unknown name or function and a bad CIDR, with the position", () => {
    expect(celProblemOf("claims.dept ==")).toMatchObject({ message: expect.stringContaining("syntax error"), line: 1, column: 13 });
    expect(celProblemOf('claims.dept == "a" &&\n  tenant == "b"')).toEqual({ message: "undeclared reference to 'tenant'", line: 2, column: 3 });
    expect(celProblemOf("frobnicate(claims)")).toMatchObject({ message: "unknown function 'frobnicate'" });
    expect(celProblemOf('inCidr(request.ip, "10.0.0.0/33")')).toMatchObject({ message: expect.stringContaining("CIDR") });
    // Comprehension variables are bound inside their macro only.
    expect(celProblemOf("roles.exists(r, r.startsWith('orders-'))")).toBeNull();
    expect(celProblemOf("roles.exists(r, true) && r == 'x'")).toMatchObject({ message: "undeclared reference to 'r'" });

    const parsed = scopePolicySchema.safeParse({ accessRules: [{ name: "bad", expression: "claims.dept ==" }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["accessRules", 0, "expression"], message: expect.stringMatching(/^CEL: syntax error.*line 1, column 13$/) });
    expect(accessRulesSchema.safeParse([{ name: "a", expression: "true" }, { name: "a", expression: "true" }]).success).toBe(false);
    expect(accessRulesSchema.safeParse([{ name: "a", expression: "true", timeZone: "Mars/Base" }]).success).toBe(false);
  });
});
