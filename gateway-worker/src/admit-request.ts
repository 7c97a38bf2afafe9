// Everything a request must pass before it may reach a backend, the same for a
// plain request and a WebSocket upgrade: a config, an API at the path (and
// version), then that API's policy pipeline. Either a rejection to answer, or
// the route, the path below the API path and the context policies filled in.
import type { IncomingMessage } from "node:http";
import type { CompiledRoute, RuntimeConfig } from "./config/compile-config.js";
import { clientAddress } from "./http/client-address.js";
import { rejection, type Rejection } from "./http/errors.js";
import { readBody } from "./http/read-body.js";
import type { RequestTarget } from "./http/request-path.js";
import type { TrustedProxies } from "./http/trusted-proxies.js";
import { portalPreflightBeforeRouting } from "./policies/cors.js";
import type { PolicyContext } from "./policies/policy.js";
import { resolveRoute } from "./routing/resolve-route.js";
import { connectionInfo } from "./tls/connection-info.js";
import type { ClientIdentity } from "./tls/trust-bundle.js";

export interface AccessLogFields {
  apiId?: string;
  subscriptionId?: string;
  /** The accepted subscription's product (null in the snapshot: a subscription to one API). */
  productId?: string;
  /** The matched operation, "METHOD /path/{template}" relative to the API's path. */
  operation?: string;
  /** The realm client of a verified JWT: its azp, else its client_id. */
  clientId?: string;
  /** The caller's address (the socket's peer, or the client a trusted proxy forwarded for). */
  clientIp?: string;
  /** The verified client certificate (mTLS): who called. */
  clientCertificate?: ClientIdentity;
  /** W3C trace context: the trace this request belongs to and the gateway's span in it. */
  traceId?: string;
  spanId?: string;
}

export type Admission =
  | { admitted: false; rejection: Rejection }
  | { admitted: true; route: CompiledRoute; rest: string; ctx: PolicyContext };

export async function admitRequest(
  config: RuntimeConfig | null,
  req: IncomingMessage,
  url: RequestTarget,
  requestId: string,
  fields: AccessLogFields,
  opts: { websocket?: boolean; trustedProxies?: TrustedProxies } = {},
): Promise<Admission> {
  const websocket = opts.websocket ?? false;
  const clientIp = clientAddress(req, opts.trustedProxies ?? (() => false));
  fields.clientIp = clientIp;
  if (!config) return { admitted: false, rejection: rejection("gateway_not_configured", { "retry-after": "5" }) };

  const resolved = resolveRoute(config, url.pathname, req.headers, url.search.slice(1));
  if (!resolved) return { admitted: false, rejection: rejection("route_not_found") };
  if ("rejection" in resolved) {
    const portalPreflight = portalPreflightBeforeRouting(config.portalOrigin, req.method, req.headers);
    return { admitted: false, rejection: portalPreflight ?? resolved.rejection };
  }
  const { route, rest } = resolved;
  fields.apiId = route.api.id;

  const ctx: PolicyContext = {
    requestId,
    method: req.method ?? "GET",
    ...(websocket ? { websocket } : {}),
    pathname: url.pathname,
    headers: req.headers,
    query: url.search.slice(1),
    api: route.api,
    config,
    now: Date.now(),
    responseHeaders: {},
    clientIp,
    connection: connectionInfo(req, opts.trustedProxies),
    async readBody(limit) {
      const body = await readBody(req, limit);
      if (body) ctx.bufferedBody = body;
      return body;
    },
  };
  const outcome = await route.pipeline.run(ctx);
  fields.subscriptionId = ctx.subscription?.id;
  fields.productId = ctx.subscription?.productId ?? undefined;
  fields.operation = ctx.operation && `${ctx.operation.method.toUpperCase()} ${ctx.operation.path}`;
  fields.clientId = realmClientOf(ctx.jwt?.claims);
  fields.clientCertificate = ctx.clientCertificate;
  if (outcome) return { admitted: false, rejection: { ...outcome, headers: { ...ctx.responseHeaders, ...outcome.headers } } };
  return { admitted: true, route, rest, ctx };
}

/** The OAuth client a token was issued to: `azp` (OpenID Connect, Keycloak), else `client_id` (RFC 9068). */
function realmClientOf(claims: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const client = claims?.azp ?? claims?.client_id;
  return typeof client === "string" ? client : undefined;
}
