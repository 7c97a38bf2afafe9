// Everything a request must pass before it may reach a backend, the same for a
// plain request and a WebSocket upgrade: a config, an API at the path (and
// version), then that API's policy pipeline. Either a rejection to answer, or
// the route, the path below the API path and the context policies filled in.
import type { IncomingMessage } from "node:http";
import type { CompiledRoute, RuntimeConfig } from "./config/compile-config.js";
import { rejection, type Rejection } from "./http/errors.js";
import type { PolicyContext } from "./policies/policy.js";
import { resolveRoute } from "./routing/resolve-route.js";

export interface AccessLogFields {
  apiId?: string;
  subscriptionId?: string;
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
  websocket = false,
): Promise<Admission> {
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
  };
  const outcome = await route.pipeline.run(ctx);
  fields.subscriptionId = ctx.subscription?.id;
  if (outcome) return { admitted: false, rejection: { ...outcome, headers: { ...ctx.responseHeaders, ...outcome.headers } } };
  return { admitted: true, route, rest, ctx };
}
