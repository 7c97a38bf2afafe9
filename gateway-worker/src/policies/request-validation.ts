// Opt-in request validation: the path, query and header parameters and the
// JSON body are checked against the schemas of the current revision's
// operation (shipped in the snapshot as operation.validation). Each operation's
// validators are compiled with ajv once, on its first request in a config (an API
// of 1,223 operations compiles none up front), never again per request; ajv itself
// is loaded only once some API validates. A failure
// answers 400 request_invalid listing every problem with its JSON pointer
// ("/query/limit", "/body/items/0/sku"). Reading the body means holding it in
// memory: at most maxRequestBodyBytes, or 10 MiB when no limit is set.
import { createRequire } from "node:module";
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { z } from "zod";
import type { GatewayApi, OperationValidation } from "../contract/config-snapshot.js";
import { rejection } from "../http/errors.js";
import { firstHeaderValue } from "../http/headers.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import { pathParameters } from "../routing/path-parameters.js";
import type { Policy, PolicyContext } from "./policy.js";
import { ruleScopesFor, scopedRule, type RuleScopes, type ScopedRule } from "./scoped-rule.js";

export const DEFAULT_VALIDATION_BODY_LIMIT = 10 * 1024 * 1024;
type Location = "path" | "query" | "header";
const LOCATIONS: readonly Location[] = ["path", "query", "header"];

type AjvModules = { Ajv2020: typeof Ajv2020; addFormats: (ajv: Ajv2020) => void };
let ajvModules: AjvModules | null = null;

/** ajv and ajv-formats (CommonJS, so loadable synchronously) weigh ~11 MB: loaded on the first validator. */
function ajv(): AjvModules {
  if (!ajvModules) {
    const require = createRequire(import.meta.url);
    const formats = require("ajv-formats") as { default?: unknown };
    ajvModules = {
      Ajv2020: (require("ajv/dist/2020.js") as { Ajv2020: typeof Ajv2020 }).Ajv2020,
      // Its default export may arrive wrapped.
      addFormats: (formats.default ?? formats) as AjvModules["addFormats"],
    };
  }
  return ajvModules;
}

interface Problem {
  pointer: string;
  message: string;
}

interface CompiledValidation {
  readonly parameters: { readonly [L in Location]?: { validate: ValidateFunction; names: readonly string[]; arrays: ReadonlySet<string> } };
  readonly body?: { readonly required: boolean; readonly validate: ValidateFunction };
}

const operationKey = (op: { method: string; path: string }) => `${op.method.toUpperCase()} ${op.path}`;
const escapePointer = (name: string) => name.replace(/~/g, "~0").replace(/\//g, "~1");

function problemsOf(prefix: string, errors: ErrorObject[] | null | undefined): Problem[] {
  return (errors ?? []).map((e) => {
    const missing = e.keyword === "required" ? `/${escapePointer(String((e.params as { missingProperty: string }).missingProperty))}` : "";
    return { pointer: `${prefix}${e.instancePath}${missing}`, message: e.keyword === "required" ? "is required" : (e.message ?? "is invalid") };
  });
}

/** An API's validators by operationKey, each compiled on first use. */
interface Validations {
  /** Operations that carry validation schemas (compiled or not yet). */
  readonly size: number;
  get(key: string): CompiledValidation | undefined;
}

/** One ajv pair per API and config, made on the first validator: its cache goes away with the config. */
function compileValidations(api: GatewayApi): Validations {
  const pending = new Map<string, OperationValidation>();
  for (const op of api.operations ?? []) if (op.validation) pending.set(operationKey(op), op.validation);
  const compiled = new Map<string, CompiledValidation>();
  let instances: { params: Ajv2020; bodies: Ajv2020 } | null = null;
  const size = pending.size;
  return {
    size,
    get(key) {
      const done = compiled.get(key);
      if (done) return done;
      const validation = pending.get(key);
      if (!validation) return undefined;
      instances ??= newAjvPair();
      const fresh = compileOne(validation, instances.params, instances.bodies);
      compiled.set(key, fresh);
      pending.delete(key);
      return fresh;
    },
  };
}

function newAjvPair(): { params: Ajv2020; bodies: Ajv2020 } {
  const { Ajv2020: Ajv, addFormats } = ajv();
  // Parameters arrive as text: coerce "5" to 5 and a lone value to [value] for array schemas.
  const params = new Ajv({ strict: false, allErrors: true, coerceTypes: "array", validateFormats: true });
  const bodies = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(params);
  addFormats(bodies);
  return { params, bodies };
}

function compileOne(validation: OperationValidation, params: Ajv2020, bodies: Ajv2020): CompiledValidation {
  const parameters: { [L in Location]?: CompiledValidation["parameters"][L] } = {};
  for (const location of LOCATIONS) {
    const own = validation.parameters.filter((p) => p.in === location);
    if (own.length === 0) continue;
    // Header names are case-insensitive: compare them lower-cased on both sides.
    const nameOf = (name: string) => (location === "header" ? name.toLowerCase() : name);
    const schema = {
      type: "object",
      properties: Object.fromEntries(own.map((p) => [nameOf(p.name), p.schema])),
      required: own.filter((p) => p.required).map((p) => nameOf(p.name)),
    };
    const validate = compileOrAccept(params, schema);
    const arrays = new Set(own.filter((p) => typeof p.schema === "object" && p.schema.type === "array").map((p) => nameOf(p.name)));
    parameters[location] = { validate, names: own.map((p) => nameOf(p.name)), arrays };
  }
  return {
    parameters,
    ...(validation.body ? { body: { required: validation.body.required, validate: compileOrAccept(bodies, validation.body.schema) } } : {}),
  };
}

/**
 * A schema ajv cannot compile (a spec using a keyword wrongly) validates
 * nothing rather than failing the whole config: one API's sloppy document must
 * not stop every gateway from taking new configuration.
 */
function compileOrAccept(ajv: Ajv2020, schema: unknown): ValidateFunction {
  try {
    return ajv.compile(schema as object);
  } catch {
    return ajv.compile(true);
  }
}

function parameterValues(ctx: PolicyContext, location: Location, spec: NonNullable<CompiledValidation["parameters"][Location]>) {
  const values: Record<string, unknown> = {};
  if (location === "path") return pathParameters(ctx.operation!.path, ctx.pathname.slice(ctx.api.path.length + 1));
  if (location === "header") {
    for (const name of spec.names) {
      const value = firstHeaderValue(ctx.headers, name);
      if (value !== undefined) values[name] = value;
    }
    return values;
  }
  const query = new URLSearchParams(ctx.query);
  for (const name of spec.names) {
    const all = query.getAll(name);
    if (all.length === 0) continue;
    values[name] = spec.arrays.has(name) ? all.flatMap((v) => v.split(",")) : all[0];
  }
  return values;
}

const isJson = (contentType: string | undefined) => !!contentType && /^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(contentType);

async function bodyProblems(ctx: PolicyContext, body: NonNullable<CompiledValidation["body"]>): Promise<Problem[] | "too_large"> {
  const hasBody = ctx.headers["transfer-encoding"] !== undefined || Number(firstHeaderValue(ctx.headers, "content-length") ?? 0) > 0;
  if (!hasBody) return body.required ? [{ pointer: "/body", message: "is required" }] : [];
  if (!isJson(firstHeaderValue(ctx.headers, "content-type")) || !ctx.readBody) return []; // only JSON bodies are described
  const bytes = await ctx.readBody(ctx.maxRequestBodyBytes ?? DEFAULT_VALIDATION_BODY_LIMIT);
  if (bytes === null) return "too_large";
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString("utf8"));
  } catch {
    return [{ pointer: "/body", message: "is not valid JSON" }];
  }
  return body.validate(parsed) ? [] : problemsOf("/body", body.validate.errors);
}

interface Settings {
  rule: ScopedRule<boolean>;
  /** By operationKey: the matcher hands out its own copies of the operations. */
  validations: Validations;
}

const NO_VALIDATIONS: Validations = { size: 0, get: () => undefined };

const settingsSchema = z
  .custom<{ scopes: RuleScopes; api: GatewayApi }>((v) => typeof v === "object" && v !== null)
  .transform(({ scopes, api }): Settings => {
    const rule = scopedRule("requestValidation", scopes, (on) => on);
    // Compiling schemas is costly (tens of ms per large API): only where validation can be on, and per operation on first use.
    return { rule, validations: rule.unset ? NO_VALIDATIONS : compileValidations(api) };
  });

export const requestValidationPolicy: Policy<Settings> = {
  name: "request-validation",
  priority: POLICY_PRIORITY["request-validation"],
  schema: settingsSchema as z.ZodType<Settings>,
  settingsFor: (api, snapshot) => ({ scopes: ruleScopesFor(api, snapshot), api }),
  inactive: ({ rule, validations }) => rule.unset || validations.size === 0,
  async handle(ctx, { rule, validations }) {
    if (ctx.websocket || !ctx.operation) return undefined;
    // false is a value too (an operation opting out of its API's validation): only true switches it on.
    if (rule.forRequest(ctx) !== true) return undefined;
    const validation = validations.get(operationKey(ctx.operation));
    if (!validation) return undefined;
    const problems: Problem[] = [];
    for (const location of LOCATIONS) {
      const spec = validation.parameters[location];
      if (spec && !spec.validate(parameterValues(ctx, location, spec))) problems.push(...problemsOf(`/${location}`, spec.validate.errors));
    }
    if (validation.body) {
      const found = await bodyProblems(ctx, validation.body);
      if (found === "too_large") return rejection("payload_too_large", { connection: "close" });
      problems.push(...found);
    }
    if (problems.length === 0) return undefined;
    const noun = problems.length === 1 ? "problem" : "problems";
    return { ...rejection("request_invalid", undefined, `The request does not match the API's definition (${problems.length} ${noun}).`), details: problems };
  },
};
