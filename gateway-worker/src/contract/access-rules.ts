// Attribute-based access rules (issue #16, "the gateway decides"): conditions written in CEL
// (the language Envoy and Kubernetes use), evaluated with @bufbuild/cel. This module is the
// one environment for both sides: the console validates an expression at save time with it
// (a parse error or an unknown name is a 400 naming the position), its rule tester answers
// with it, and the gateway compiles the rules with it when a config is compiled, never per
// request.
//
// Semantics: every rule must hold, in list order. An `allow` rule (the default) holds when its
// expression is true; a `deny` rule holds when its expression is false. An expression that errs
// (a missing claim, a value of the wrong type) or does not yield a bool fails its rule: the call
// is refused (fail closed). The first rule that fails answers 403 access_denied naming it.
// Guard optional claims with has(): `has(claims.dept) && claims.dept == "finance"`.
//
// Variables (declared in ACCESS_RULE_VARIABLES):
//   claims    map    the verified token's claims ({} without a token)
//   subject   string its `sub` ("" without)
//   client    string its `azp`, else `client_id` ("" without)
//   roles     list   its roles as the API reads them (rolesClaim, or an identity provider's mappings)
//   scopes    list   its `scope` / `scp` entries
//   request   map    ip (string), method (upper case), path (with the API's path), headers
//                    (lower-case names; repeated headers joined by ", ")
//   now       map    hour, minute, weekday (0 = Sunday .. 6), day, month, year (ints) in the
//                    rule's timeZone (IANA, default UTC), date ("2026-01-31"), epochSeconds
// Functions: the CEL standard library, the strings extension (lowerAscii, split, ...) and
// inCidr(ip, cidr) for IPv4 and IPv6 ("10.0.0.0/8", "2001:db8::/32"; an IPv4-mapped IPv6
// address counts as IPv4).
import { z } from "zod";
import { CelScalar, celEnv, celFunc, isCelError, listType, mapType, parse, plan } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";
import { isAddressOrCidr } from "./request-rules.ts";

// ---- addresses ----------------------------------------------------------------------------

type Address = { v4: boolean; value: bigint };

function parseIPv4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function parseAddress(text: string): Address | null {
  const v4 = parseIPv4(text);
  if (v4 !== null) return { v4: true, value: v4 };
  if (!isAddressOrCidr(text) || text.includes("/")) return null;
  const [head, tail] = text.split("::");
  const groupsOf = (s: string | undefined) => (s ? s.split(":") : []);
  let left = groupsOf(head);
  let right = groupsOf(tail);
  const expand = (groups: string[]) =>
    groups.flatMap((g) => {
      if (!g.includes(".")) return [parseInt(g, 16)];
      const n = Number(parseIPv4(g));
      return [Math.floor(n / 65536), n % 65536];
    });
  left = expand(left).map(String);
  right = expand(right).map(String);
  const zeros = text.includes("::") ? 8 - left.length - right.length : 0;
  const groups = [...left, ...Array<string>(zeros).fill("0"), ...right].map(Number);
  const value = groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
  // ::ffff:a.b.c.d is an IPv4 client seen by a dual-stack socket.
  if (value >> 32n === 0xffffn) return { v4: true, value: value & 0xffffffffn };
  return { v4: false, value };
}

const cidrCache = new Map<string, { v4: boolean; network: bigint; mask: bigint } | null>();

function parseCidr(text: string) {
  if (cidrCache.has(text)) return cidrCache.get(text)!;
  const [address, bits] = text.split("/");
  const parsed = parseAddress(address);
  const width = parsed?.v4 ? 32 : 128;
  const prefix = bits === undefined ? width : Number(bits);
  const result =
    parsed && /^\d{0,3}$/.test(bits ?? "") && prefix <= width
      ? (() => {
          const mask = ((1n << BigInt(width)) - 1n) ^ ((1n << BigInt(width - prefix)) - 1n);
          return { v4: parsed.v4, network: parsed.value & mask, mask };
        })()
      : null;
  if (cidrCache.size < 10_000) cidrCache.set(text, result);
  return result;
}

/** Whether `ip` lies in `cidr`; false for an address that does not parse or of the other family. */
export function inCidr(ip: string, cidr: string): boolean {
  const range = parseCidr(cidr);
  if (!range) throw new Error(`inCidr: "${cidr}" is not a CIDR range`);
  const address = parseAddress(ip);
  return address !== null && address.v4 === range.v4 && (address.value & range.mask) === range.network;
}

// ---- environment --------------------------------------------------------------------------

const dynMap = mapType(CelScalar.STRING, CelScalar.DYN);

/** What an expression may name; anything else is refused at save time. */
export const ACCESS_RULE_VARIABLES = {
  claims: dynMap,
  subject: CelScalar.STRING,
  client: CelScalar.STRING,
  roles: listType(CelScalar.STRING),
  scopes: listType(CelScalar.STRING),
  request: dynMap,
  now: dynMap,
} as const;

const env = celEnv({
  variables: ACCESS_RULE_VARIABLES,
  funcs: [...strings, celFunc("inCidr", [CelScalar.STRING, CelScalar.STRING], CelScalar.BOOL, inCidr)],
});

export interface AccessRuleRequest {
  claims: Readonly<Record<string, unknown>>;
  subject: string;
  client: string;
  roles: readonly string[];
  scopes: readonly string[];
  ip: string;
  method: string;
  path: string;
  /** Lower-case names. */
  headers: Readonly<Record<string, string>>;
  /** ms since epoch. */
  now: number;
}

const strs = (v: unknown): string[] =>
  typeof v === "string" ? v.split(" ").filter((s) => s !== "") : Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];

function claimAtPath(claims: Readonly<Record<string, unknown>>, path: string): unknown {
  let node: unknown = claims;
  for (const key of path.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * subject, client, roles and scopes as a rule sees them, from verified claims: the gateway and
 * the console's rule tester both read them here. Roles: the `rolesClaim` path (a single string is
 * one role) and a top-level `roles`, plus `extraRoles` (an identity provider's mapped roles).
 */
export function identityFromClaims(claims: Readonly<Record<string, unknown>>, rolesClaim: string, extraRoles: Iterable<string> = []) {
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const asRoles = (v: unknown) => (typeof v === "string" ? [v] : strs(v));
  const roles = new Set([...asRoles(claimAtPath(claims, rolesClaim)), ...(rolesClaim === "roles" ? [] : asRoles(claims.roles)), ...extraRoles]);
  return {
    subject: str(claims.sub),
    client: str(claims.azp) || str(claims.client_id),
    roles: [...roles],
    scopes: [...new Set([...strs(claims.scope), ...strs(claims.scp)])],
  };
}

export type CelProblem = { message: string; line: number; column: number };

export class AccessRuleCompileError extends Error {
  constructor(readonly problem: CelProblem) {
    super(`${problem.message} (line ${problem.line}, column ${problem.column})`);
    this.name = "AccessRuleCompileError";
  }
}

// The AST walked as plain data: the shapes of @bufbuild/cel-spec's Expr that names can hide in.
type Node = { id: bigint; exprKind: { case?: string; value?: unknown } };
type Comprehension = { iterVar: string; iterVar2?: string; accuVar: string; iterRange: Node; accuInit: Node; loopCondition: Node; loopStep: Node; result: Node };

function lineColumn(source: string, offset: number) {
  const before = source.slice(0, Math.max(0, offset));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** Unknown variables and functions, and constant CIDRs that do not parse, with their position. */
function firstNameProblem(source: string, root: Node, positions: Record<string, number>): CelProblem | null {
  const at = (node: Node, message: string): CelProblem => ({ message, ...lineColumn(source, positions[String(node.id)] ?? 0) });
  const visit = (node: Node | undefined, bound: ReadonlySet<string>): CelProblem | null => {
    if (!node) return null;
    const { case: kind, value } = node.exprKind;
    switch (kind) {
      case "identExpr": {
        const name = (value as { name: string }).name;
        return bound.has(name) || Object.hasOwn(ACCESS_RULE_VARIABLES, name) ? null : at(node, `undeclared reference to '${name}'`);
      }
      case "selectExpr":
        return visit((value as { operand: Node }).operand, bound);
      case "callExpr": {
        const call = value as { target?: Node; function: string; args: Node[] };
        if (/^[A-Za-z]/.test(call.function) && !env.funcs.find(call.function)) return at(node, `unknown function '${call.function}'`);
        const cidr = call.function === "inCidr" ? call.args[1] : undefined;
        if (cidr?.exprKind.case === "constExpr") {
          const constant = cidr.exprKind.value as { constantKind: { case?: string; value?: unknown } };
          const text = constant.constantKind.value;
          if (constant.constantKind.case === "stringValue" && !isAddressOrCidr(String(text))) return at(cidr, `"${String(text)}" is not an IPv4 or IPv6 CIDR range`);
        }
        for (const child of [call.target, ...call.args]) {
          const problem = visit(child, bound);
          if (problem) return problem;
        }
        return null;
      }
      case "listExpr":
        for (const child of (value as { elements: Node[] }).elements) {
          const problem = visit(child, bound);
          if (problem) return problem;
        }
        return null;
      case "structExpr":
        for (const entry of (value as { entries: { keyKind: { case?: string; value?: unknown }; value: Node }[] }).entries) {
          const key = entry.keyKind.case === "mapKey" ? (entry.keyKind.value as Node) : undefined;
          const problem = visit(key, bound) ?? visit(entry.value, bound);
          if (problem) return problem;
        }
        return null;
      case "comprehensionExpr": {
        const c = value as Comprehension;
        const inner = new Set([...bound, c.iterVar, c.accuVar, ...(c.iterVar2 ? [c.iterVar2] : [])]);
        return visit(c.iterRange, bound) ?? visit(c.accuInit, bound) ?? visit(c.loopCondition, inner) ?? visit(c.loopStep, inner) ?? visit(c.result, inner);
      }
      default:
        return null;
    }
  };
  return visit(root, new Set());
}

type Evaluate = (bindings: Record<string, unknown>) => unknown;

interface CompiledExpression {
  readonly evaluate: Evaluate;
  /** Whether it reads `now` (its calendar fields are computed only then). */
  readonly readsNow: boolean;
}

/** Parses and plans `source` once; throws AccessRuleCompileError with the position of the first problem. */
export function compileCelExpression(source: string): CompiledExpression {
  let parsed;
  try {
    parsed = parse(source);
  } catch (err) {
    const location = (err as { location?: { start?: { line: number; column: number } } }).location?.start;
    const message = (err as { rawMessage?: string }).rawMessage ?? (err instanceof Error ? err.message : String(err));
    throw new AccessRuleCompileError({ message: `syntax error: ${message}`, line: location?.line ?? 1, column: location?.column ?? 1 });
  }
  const positions = (parsed.sourceInfo?.positions ?? {}) as Record<string, number>;
  const problem = firstNameProblem(source, parsed.expr as unknown as Node, positions);
  if (problem) throw new AccessRuleCompileError(problem);
  const run = plan(env, parsed) as unknown as Evaluate;
  return { evaluate: run, readsNow: /\bnow\b/.test(source) };
}

/** The problem of `source`, or null when it compiles (for forms and the save-time check). */
export function celProblemOf(source: string): CelProblem | null {
  try {
    compileCelExpression(source);
    return null;
  } catch (err) {
    if (err instanceof AccessRuleCompileError) return err.problem;
    return { message: err instanceof Error ? err.message : String(err), line: 1, column: 1 };
  }
}

// ---- schema -------------------------------------------------------------------------------

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const accessRuleSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9 _.:-]{0,79}$/, "letters, digits, space, _ . : - (at most 80)")
      .describe("Named in the 403 access_denied answer and the rule tester"),
    effect: z.enum(["allow", "deny"]).optional().describe("allow (default): must be true; deny: must be false"),
    expression: z
      .string()
      .min(1)
      .max(4000)
      .superRefine((source, ctx) => {
        const problem = celProblemOf(source);
        if (problem) ctx.addIssue({ code: "custom", message: `CEL: ${problem.message} at line ${problem.line}, column ${problem.column}` });
      })
      .describe("A CEL expression over claims, subject, client, roles, scopes, request and now"),
    timeZone: z.string().max(64).refine(isTimeZone, "an IANA time zone such as Europe/Berlin").optional().describe("Zone of `now` (default UTC)"),
  })
  .strict();

export const accessRulesSchema = z
  .array(accessRuleSchema)
  .max(50)
  .refine((rules) => new Set(rules.map((r) => r.name)).size === rules.length, "rule names must be unique");

export type AccessRule = z.infer<typeof accessRuleSchema>;

// ---- evaluation ---------------------------------------------------------------------------

export type RuleOutcome = "pass" | "fail" | "error";

export interface RuleResult {
  name: string;
  effect: "allow" | "deny";
  outcome: RuleOutcome;
  /** The expression's value when it was a bool. */
  value?: boolean;
  /** Why it erred: a CEL runtime error or a non-bool value. */
  error?: string;
}

export interface AccessVerdict {
  allowed: boolean;
  /** The first rule that failed (or erred), named in the 403. */
  deniedBy?: string;
  /** Every rule evaluated: all of them with `all`, else up to the first failure. */
  results: RuleResult[];
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function calendarIn(formatter: Intl.DateTimeFormat | null, nowMs: number) {
  let y: number, mo: number, d: number, h: number, mi: number, wd: number;
  if (!formatter) {
    const t = new Date(nowMs);
    [y, mo, d, h, mi, wd] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCDay()];
  } else {
    const parts = Object.fromEntries(formatter.formatToParts(new Date(nowMs)).map((p) => [p.type, p.value]));
    [y, mo, d, h, mi, wd] = [Number(parts.year), Number(parts.month), Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), WEEKDAYS[parts.weekday] ?? 0];
  }
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    year: BigInt(y),
    month: BigInt(mo),
    day: BigInt(d),
    hour: BigInt(h),
    minute: BigInt(mi),
    weekday: BigInt(wd),
    date: `${y}-${pad(mo)}-${pad(d)}`,
    epochSeconds: BigInt(Math.floor(nowMs / 1000)),
  };
}

export interface CompiledAccessRules {
  readonly names: readonly string[];
  evaluate(request: AccessRuleRequest, options?: { all?: boolean }): AccessVerdict;
}

/** Compiles every rule once (throws AccessRuleCompileError naming the rule for a bad one). */
export function compileAccessRules(rules: readonly AccessRule[]): CompiledAccessRules {
  const compiled = rules.map((rule) => {
    let expression: CompiledExpression;
    try {
      expression = compileCelExpression(rule.expression);
    } catch (err) {
      if (err instanceof AccessRuleCompileError) throw new AccessRuleCompileError({ ...err.problem, message: `rule "${rule.name}": ${err.problem.message}` });
      throw err;
    }
    const zone = rule.timeZone && rule.timeZone !== "UTC" ? rule.timeZone : null;
    const formatter = zone
      ? new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", weekday: "short" })
      : null;
    return { rule, effect: rule.effect ?? ("allow" as const), expression, formatter };
  });
  return {
    names: rules.map((r) => r.name),
    evaluate(request, options = {}) {
      const base = {
        claims: request.claims,
        subject: request.subject,
        client: request.client,
        roles: [...request.roles],
        scopes: [...request.scopes],
        request: { ip: request.ip, method: request.method, path: request.path, headers: request.headers },
      };
      const results: RuleResult[] = [];
      let deniedBy: string | undefined;
      for (const { rule, effect, expression, formatter } of compiled) {
        const bindings = expression.readsNow ? { ...base, now: calendarIn(formatter, request.now) } : { ...base, now: {} };
        let value: unknown;
        try {
          value = expression.evaluate(bindings);
        } catch (err) {
          value = err instanceof Error ? err : new Error(String(err));
        }
        let result: RuleResult;
        if (isCelError(value) || value instanceof Error) result = { name: rule.name, effect, outcome: "error", error: value.message };
        else if (typeof value !== "boolean") result = { name: rule.name, effect, outcome: "error", error: "the expression did not evaluate to a bool" };
        else result = { name: rule.name, effect, outcome: value === (effect === "allow") ? "pass" : "fail", value };
        results.push(result);
        if (result.outcome !== "pass") {
          deniedBy ??= rule.name;
          if (!options.all) break;
        }
      }
      return { allowed: deniedBy === undefined, ...(deniedBy !== undefined ? { deniedBy } : {}), results };
    },
  };
}
