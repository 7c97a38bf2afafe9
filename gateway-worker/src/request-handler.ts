// One request, start to end: request id, health check, config, route (and version), policy
// pipeline, backend. Each step either hands over to the next or answers with a
// JSON error; any exception becomes a 500 so one bad request cannot take the
// gateway down. Exactly one access-log line is written per request.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { ConfigStore } from "./config/config-store";
import { sendError, sendRejection } from "./http/errors";
import { resolveRequestId } from "./http/request-id";
import type { PolicyContext } from "./policies/policy";
import type { Forwarder } from "./proxy/forwarder";
import { resolveRoute } from "./routing/resolve-route";

/** Reserved: answered by the gateway, never routed (the contract forbids it as an API path). */
export const HEALTH_PATH = "/healthz";
/** Only used to parse origin-form request targets; never contacted. */
const PARSE_BASE = "http://gateway.invalid";

interface AccessLogFields {
  apiId?: string;
  subscriptionId?: string;
}

export function createRequestHandler(deps: { store: ConfigStore; forwarder: Forwarder; logger: Logger }) {
  const { store, forwarder, logger } = deps;

  function logWhenDone(req: IncomingMessage, res: ServerResponse, requestId: string, path: string, fields: AccessLogFields) {
    const started = performance.now();
    res.once("close", () => {
      // Path only, never the query string: it may carry a subscription key.
      logger.info(
        {
          requestId,
          method: req.method,
          path,
          status: res.statusCode,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          apiId: fields.apiId,
          subscriptionId: fields.subscriptionId,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        "request",
      );
    });
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, fields: AccessLogFields) {
    if (url.pathname === HEALTH_PATH) {
      if (req.method !== "GET" && req.method !== "HEAD") return sendError(res, "method_not_allowed", { allow: "GET, HEAD" });
      const config = store.get();
      const body = JSON.stringify({ status: "ok", configVersion: config?.version ?? null, apis: config?.apiCount ?? 0 });
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      return void res.end(body);
    }

    // Read once: this request is served entirely by this config, even if a new one is swapped in meanwhile.
    const config = store.get();
    if (!config) return sendError(res, "gateway_not_configured", { "retry-after": "5" });

    const resolved = resolveRoute(config, url.pathname, req.headers, url.search.slice(1));
    if (!resolved) return sendError(res, "route_not_found");
    if ("rejection" in resolved) return sendRejection(res, resolved.rejection);
    const { route, rest } = resolved;
    fields.apiId = route.api.id;

    const ctx: PolicyContext = {
      requestId,
      method: req.method ?? "GET",
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
    if (outcome) return sendRejection(res, { ...outcome, headers: { ...ctx.responseHeaders, ...outcome.headers } });
    if (res.destroyed) return; // client gave up while policies ran

    for (const [name, value] of Object.entries(ctx.responseHeaders)) res.setHeader(name, value);
    forwarder.forward(req, res, route.backends.pick(), rest, ctx.query);
  }

  return function handleRequest(req: IncomingMessage, res: ServerResponse): void {
    const requestId = resolveRequestId(req.headers["x-request-id"]);
    req.headers["x-request-id"] = requestId; // forwarded to the backend
    res.setHeader("x-request-id", requestId);
    const fields: AccessLogFields = {};

    let url: URL;
    try {
      // WHATWG parsing also resolves "." and ".." segments (even %2e-encoded),
      // so "/demo/../admin" can never escape the API path it seems to match.
      // Concatenated, not resolved against the base: "//demo/x" is a path here, not a host.
      const target = req.url ?? "/";
      url = target.startsWith("/") ? new URL(PARSE_BASE + target) : new URL(target);
    } catch {
      logWhenDone(req, res, requestId, "(unparseable)", fields);
      return sendError(res, "bad_request");
    }
    logWhenDone(req, res, requestId, url.pathname, fields);

    route(req, res, url, requestId, fields).catch((err: unknown) => {
      logger.error({ requestId, apiId: fields.apiId, err }, "request failed inside the gateway");
      sendError(res, "internal_error");
    });
  };
}
