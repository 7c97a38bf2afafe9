// CORS answered at the gateway, so browsers (the portal's try-it included) can
// call an API from another origin. A preflight (OPTIONS with Origin and
// Access-Control-Request-Method) is answered here, before the key check: a
// browser never sends credentials on it. Actual requests, and the gateway's
// own rejections, carry the CORS headers so the page can read even a 401 or
// 429. Runs first, before lifecycle. CORS is decided before the caller is
// known, so only workspace, API and operation scopes apply (not product).
import type { CorsRule } from "../contract/config-snapshot.js";
import { rejection } from "../http/errors.js";
import { firstHeaderValue } from "../http/headers.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import { operationFor } from "../routing/operation-for.js";
import type { Policy, PolicyContext } from "./policy.js";
import { ruleScopesFor, scopedRuleSchema, type ScopedRule } from "./scoped-rule.js";

export const DEFAULT_CORS_MAX_AGE_SECONDS = 600;

/** Headers a page may read beyond the CORS-safelisted ones: limits, tracing, lifecycle, auth challenges. */
export const CORS_EXPOSED_HEADERS = [
  "RateLimit",
  "RateLimit-Policy",
  "Retry-After",
  "X-RateLimit-Limit",
  "X-RateLimit-Remaining",
  "X-RateLimit-Reset",
  "X-Request-Id",
  "Deprecation",
  "Sunset",
  "WWW-Authenticate",
].join(", ");

interface CompiledCors {
  readonly anyOrigin: boolean;
  readonly origins: ReadonlySet<string>;
  readonly credentials: boolean;
  readonly maxAge: string;
}

function compileCors(rule: CorsRule): CompiledCors {
  return {
    anyOrigin: rule.allowedOrigins.includes("*"),
    origins: new Set(rule.allowedOrigins.map((o) => o.toLowerCase())),
    credentials: rule.allowCredentials ?? false,
    maxAge: String(rule.maxAgeSeconds ?? DEFAULT_CORS_MAX_AGE_SECONDS),
  };
}

const TOKEN_LIST = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*,\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+)*$/;

/** The Access-Control-Allow-Origin value for `origin`, or null when it may not call. */
function allowOriginFor(cors: CompiledCors, origin: string): string | null {
  if (cors.origins.has(origin.toLowerCase())) return origin;
  // With credentials the spec forbids "*": the console refuses that pair, so anyOrigin here is credential-free.
  if (cors.anyOrigin) return "*";
  return null;
}

function addVaryOrigin(headers: Record<string, string | string[] | undefined>) {
  const current = headers.vary;
  const values = (Array.isArray(current) ? current.join(",") : (current ?? "")).split(",").map((v) => v.trim()).filter(Boolean);
  if (!values.some((v) => v.toLowerCase() === "origin" || v === "*")) values.push("Origin");
  headers.vary = values.join(", ");
}

function preflight(ctx: PolicyContext, cors: CompiledCors, origin: string, requestedMethod: string) {
  const allowOrigin = allowOriginFor(cors, origin);
  if (!allowOrigin) return rejection("cors_forbidden", { vary: "Origin" }, `The origin ${origin} may not call this API from a browser.`);
  const requestedHeaders = firstHeaderValue(ctx.headers, "access-control-request-headers")?.trim() ?? "";
  if (requestedHeaders !== "" && !TOKEN_LIST.test(requestedHeaders)) return rejection("cors_forbidden", { vary: "Origin" }, "Access-Control-Request-Headers is not a list of header names.");
  const headers: Record<string, string> = {
    "access-control-allow-origin": allowOrigin,
    "access-control-allow-methods": requestedMethod,
    "access-control-max-age": cors.maxAge,
    vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
  };
  // Any header the page asks for (the subscription key header among them): the API decides what it accepts.
  if (requestedHeaders !== "") headers["access-control-allow-headers"] = requestedHeaders;
  if (cors.credentials) headers["access-control-allow-credentials"] = "true";
  return { status: 204, code: "cors_preflight", message: "", headers };
}

export const corsPolicy: Policy<ScopedRule<CompiledCors>> = {
  name: "cors",
  priority: POLICY_PRIORITY.cors,
  schema: scopedRuleSchema("cors", compileCors),
  settingsFor: ruleScopesFor,
  inactive: (rule) => rule.unset,
  handle(ctx, rule) {
    if (ctx.websocket) return undefined; // browsers do not apply CORS to WebSocket handshakes
    const origin = firstHeaderValue(ctx.headers, "origin");
    const requestedMethod = firstHeaderValue(ctx.headers, "access-control-request-method")?.trim().toUpperCase();
    const isPreflight = ctx.method === "OPTIONS" && origin !== undefined && requestedMethod !== undefined;
    const operation = operationFor(ctx.api, isPreflight ? requestedMethod : ctx.method, ctx.pathname);
    const cors = rule.forRequest(ctx, { operation, withoutProduct: true });
    if (!cors) return undefined; // no CORS here: a preflight goes on like any OPTIONS request
    if (isPreflight) {
      if (ctx.api.operations && !operation) {
        return rejection("cors_forbidden", { vary: "Origin" }, `This API has no ${requestedMethod} operation at this path.`);
      }
      return preflight(ctx, cors, origin, requestedMethod);
    }

    ctx.responseHeaders.vary = "Origin";
    const allowOrigin = origin === undefined ? null : allowOriginFor(cors, origin);
    if (allowOrigin) {
      ctx.responseHeaders["access-control-allow-origin"] = allowOrigin;
      ctx.responseHeaders["access-control-expose-headers"] = CORS_EXPOSED_HEADERS;
      if (cors.credentials) ctx.responseHeaders["access-control-allow-credentials"] = "true";
    }
    // The gateway owns CORS for this API: the backend's own answers would contradict it.
    (ctx.responseHeaderEdits ??= []).push((headers) => {
      for (const name of Object.keys(headers)) if (name.startsWith("access-control-")) delete headers[name];
      addVaryOrigin(headers);
    });
    return undefined;
  },
};
