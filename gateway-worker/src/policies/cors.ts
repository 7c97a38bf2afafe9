// CORS answered at the gateway, so browsers (the portal's try-it included) can
// call an API from another origin. A preflight (OPTIONS with Origin and
// Access-Control-Request-Method) is answered here, before the key check: a
// browser never sends credentials on it. Actual requests, and the gateway's
// own rejections, carry the CORS headers so the page can read even a 401 or
// 429. Runs first, before lifecycle. CORS is decided before the caller is
// known, so only workspace, API and operation scopes apply (not product).
// The developer portal's own origin (the snapshot's defaults.portalOrigin) may
// always call, without credentials, with the subscription key and the common
// methods: its try-it works without an admin listing it in a rule.
import { z } from "zod";
import type { CorsRule, GatewayApi } from "../contract/config-snapshot.js";
import type { IncomingHttpHeaders } from "node:http";
import { rejection, type Rejection } from "../http/errors.js";
import { firstHeaderValue } from "../http/headers.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import { operationFor } from "../routing/operation-for.js";
import type { Policy, PolicyContext } from "./policy.js";
import { ruleScopesFor, scopedRule, type RuleScopes, type ScopedRule } from "./scoped-rule.js";

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

/** What the portal's try-it may send: the common methods, and the headers a call through the gateway needs. */
export const PORTAL_CORS_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]);
const PORTAL_CORS_HEADERS = ["accept", "accept-language", "content-language", "content-type", "authorization", "x-request-id"];

interface PortalCors {
  readonly origin: string;
  /** Lower-case: the common headers, the API's key header and its version header. */
  readonly headers: ReadonlySet<string>;
}

interface CorsSettings {
  readonly rule: ScopedRule<CompiledCors>;
  readonly portal: PortalCors | null;
}

function portalCorsFor(api: GatewayApi, origin: string | undefined): PortalCors | null {
  if (!origin) return null;
  const headers = new Set([...PORTAL_CORS_HEADERS, api.subscription.header.toLowerCase()]);
  if (api.versioning?.scheme === "header") headers.add(api.versioning.parameterName.toLowerCase());
  return { origin: origin.toLowerCase(), headers };
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

/** The 204 that lets the browser send its request: what it asked for, for `maxAge` seconds. */
function preflightAnswer(allowed: { allowOrigin: string; requestedMethod: string; requestedHeaders: string; maxAge: string; credentials: boolean }): Rejection {
  const headers: Record<string, string> = {
    "access-control-allow-origin": allowed.allowOrigin,
    "access-control-allow-methods": allowed.requestedMethod,
    "access-control-max-age": allowed.maxAge,
    vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
  };
  if (allowed.requestedHeaders !== "") headers["access-control-allow-headers"] = allowed.requestedHeaders;
  if (allowed.credentials) headers["access-control-allow-credentials"] = "true";
  return { status: 204, code: "cors_preflight", message: "", headers };
}

/** The portal never sends credentials, and its preflights are cached for the default time. */
const portalPreflightAnswer = (origin: string, requestedMethod: string, requestedHeaders: string) =>
  preflightAnswer({ allowOrigin: origin, requestedMethod, requestedHeaders, maxAge: String(DEFAULT_CORS_MAX_AGE_SECONDS), credentials: false });

function preflight(ctx: PolicyContext, cors: CompiledCors, origin: string, requestedMethod: string) {
  const allowOrigin = allowOriginFor(cors, origin);
  if (!allowOrigin) return rejection("cors_forbidden", { vary: "Origin" }, `The origin ${origin} may not call this API from a browser.`);
  const requestedHeaders = firstHeaderValue(ctx.headers, "access-control-request-headers")?.trim() ?? "";
  if (requestedHeaders !== "" && !TOKEN_LIST.test(requestedHeaders)) return rejection("cors_forbidden", { vary: "Origin" }, "Access-Control-Request-Headers is not a list of header names.");
  // Any header the page asks for (the subscription key header among them): the API decides what it accepts.
  return preflightAnswer({ allowOrigin, requestedMethod, requestedHeaders, maxAge: cors.maxAge, credentials: cors.credentials });
}

/** The portal's preflight: common methods and the headers a call needs, never credentials. */
function portalPreflight(ctx: PolicyContext, portal: PortalCors, origin: string, requestedMethod: string) {
  const requestedHeaders = firstHeaderValue(ctx.headers, "access-control-request-headers")?.trim() ?? "";
  const names = requestedHeaders === "" ? [] : requestedHeaders.split(",").map((h) => h.trim().toLowerCase());
  const refused = !PORTAL_CORS_METHODS.has(requestedMethod) ? `the method ${requestedMethod}` : names.find((h) => !portal.headers.has(h));
  if (refused !== undefined) {
    return rejection("cors_forbidden", { vary: "Origin" }, `The developer portal may not send ${refused.startsWith("the method") ? refused : `the header ${refused}`} to this API from a browser.`);
  }
  return portalPreflightAnswer(origin, requestedMethod, requestedHeaders);
}

/**
 * A preflight from the portal's origin that routing could not place on one API: a header version
 * set's path, whose version a preflight never carries (browsers send only the names of the headers
 * to come). The portal may call every API, so it is answered as the portal's preflight would be
 * on any of them; the actual request, version header included, then passes every check as usual.
 */
export function portalPreflightBeforeRouting(portalOrigin: string | undefined, method: string | undefined, headers: IncomingHttpHeaders): Rejection | undefined {
  const origin = firstHeaderValue(headers, "origin");
  const requestedMethod = firstHeaderValue(headers, "access-control-request-method")?.trim().toUpperCase();
  if (method !== "OPTIONS" || !portalOrigin || !origin || origin.toLowerCase() !== portalOrigin.toLowerCase() || !requestedMethod) return undefined;
  const requestedHeaders = firstHeaderValue(headers, "access-control-request-headers")?.trim() ?? "";
  if (!PORTAL_CORS_METHODS.has(requestedMethod) || (requestedHeaders !== "" && !TOKEN_LIST.test(requestedHeaders))) {
    return rejection("cors_forbidden", { vary: "Origin" }, `The developer portal may not send this request to the API from a browser.`);
  }
  return portalPreflightAnswer(origin, requestedMethod, requestedHeaders);
}

/** The gateway owns CORS for this answer: the backend's own headers would contradict it. */
function replaceBackendCorsHeaders(ctx: PolicyContext) {
  (ctx.responseHeaderEdits ??= []).push((headers) => {
    for (const name of Object.keys(headers)) if (name.startsWith("access-control-")) delete headers[name];
    addVaryOrigin(headers);
  });
}

const corsSettingsSchema = z
  .custom<{ scopes: RuleScopes; portal: PortalCors | null }>((v) => typeof v === "object" && v !== null)
  .transform((v): CorsSettings => ({ rule: scopedRule("cors", v.scopes, compileCors), portal: v.portal }));

export const corsPolicy: Policy<CorsSettings> = {
  name: "cors",
  priority: POLICY_PRIORITY.cors,
  schema: corsSettingsSchema as unknown as z.ZodType<CorsSettings>,
  settingsFor: (api, snapshot) => ({ scopes: ruleScopesFor(api, snapshot), portal: portalCorsFor(api, snapshot.defaults?.portalOrigin) }),
  inactive: (settings) => settings.rule.unset && settings.portal === null,
  handle(ctx, { rule, portal }) {
    if (ctx.websocket) return undefined; // browsers do not apply CORS to WebSocket handshakes
    const origin = firstHeaderValue(ctx.headers, "origin");
    const requestedMethod = firstHeaderValue(ctx.headers, "access-control-request-method")?.trim().toUpperCase();
    const isPreflight = ctx.method === "OPTIONS" && origin !== undefined && requestedMethod !== undefined;
    const operation = operationFor(ctx.api, isPreflight ? requestedMethod : ctx.method, ctx.pathname);
    const cors = rule.forRequest(ctx, { operation, withoutProduct: true });
    // An admin's rule that lets the origin in decides; otherwise the portal's own origin is always let in.
    const fromPortal = portal !== null && origin !== undefined && origin.toLowerCase() === portal.origin && !(cors && allowOriginFor(cors, origin));
    if (!cors && !fromPortal) return undefined; // no CORS here: a preflight goes on like any OPTIONS request
    if (isPreflight) {
      if (ctx.api.operations && !operation) {
        return rejection("cors_forbidden", { vary: "Origin" }, `This API has no ${requestedMethod} operation at this path.`);
      }
      return fromPortal ? portalPreflight(ctx, portal, origin, requestedMethod) : preflight(ctx, cors!, origin, requestedMethod);
    }

    ctx.responseHeaders.vary = "Origin";
    const allowOrigin = fromPortal ? origin : origin === undefined || !cors ? null : allowOriginFor(cors, origin);
    if (allowOrigin) {
      ctx.responseHeaders["access-control-allow-origin"] = allowOrigin;
      ctx.responseHeaders["access-control-expose-headers"] = CORS_EXPOSED_HEADERS;
      if (!fromPortal && cors?.credentials) ctx.responseHeaders["access-control-allow-credentials"] = "true";
    }
    // Where no rule applies, only the portal's answers are the gateway's to shape.
    if (cors || fromPortal) replaceBackendCorsHeaders(ctx);
    return undefined;
  },
};
