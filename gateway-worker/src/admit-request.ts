// Everything a request must pass before it may reach a backend, the same for a
// plain request and a WebSocket upgrade: a config, an API at the path (and
// version), then that API's policy pipeline. Either a rejection to answer, or
// the route, the path below the API path and the context policies filled in.
import type { IncomingMessage } from "node:http";
import type { CompiledRoute, RuntimeConfig } from "./config/compile-config.js";
import { clientAddress } from "./http/client-address.js";
import { rejection, type Rejection } from "./http/errors.js";
import { readBody } from "./http/read-body.js";
import type { TrustedProxies } from "./http/trusted-proxies.js";
import type { PolicyContext } from "./policies/policy.js";
import { resolveRoute } from "./routing/resolve-route.js";
import { connectionInfo } from "./tls/connection-info.js";
import type { ClientIdentity } from "./tls/trust-bundle.js";

export interface AccessLogFields {
  apiId?: string;
  subscriptionId?: string;
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
  url: URL,
  requestId: string,
  fields: AccessLogFields,
  opts: { websocket?: boolean; trustedProxies?: TrustedProxies } = {},
): Promise<Admission> {
  const websocket = opts.websocket ?? false;
  if (!config) return { admitted: false, rejection: rejection("gateway_not_configured", { "retry-after": "5" }) };

  const resolved = resolveRoute(config, url.pathname, req.headers, url.search.slice(1));
  if (!resolved) return { admitted: false, rejection: rejection("route_not_found") };
  if ("rejection" in resolved) return { admitted: false, rejection: resolved.rejection };
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
    clientIp: clientAddress(req, opts.trustedProxies ?? (() => false)),
    connection: connectionInfo(req, opts.trustedProxies),
    async readBody(limit) {
      const body = await readBody(req, limit);
      if (body) ctx.bufferedBody = body;
      return body;
    },
  };
  const outcome = await route.pipeline.run(ctx);
  fields.subscriptionId = ctx.subscription?.id;
  fields.clientCertificate = ctx.clientCertificate;
  if (outcome) return { admitted: false, rejection: { ...outcome, headers: { ...ctx.responseHeaders, ...outcome.headers } } };
  return { admitted: true, route, rest, ctx };
}
