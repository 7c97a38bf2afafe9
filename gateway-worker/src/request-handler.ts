// One request, start to end: hop-by-hop headers dropped, request id, health
// and readiness probes, path, then admission (config, route, policy pipeline) and the backend.
// Each step either hands over to the next or answers with a JSON error; any
// exception becomes a 500 so one bad request cannot take the gateway down.
// Exactly one access-log line is written per request, and (probes aside) one
// metrics observation and one analytics record.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { admitRequest, type AccessLogFields } from "./admit-request.js";
import type { AnalyticsRecorder } from "./analytics/analytics-recorder.js";
import type { ConfigStore } from "./config/config-store.js";
import { answeredCode, sendError, sendRejection } from "./http/errors.js";
import { isProbePath, type AnswerProbe } from "./http/probes.js";
import { stripRequestHopByHop } from "./http/hop-by-hop.js";
import { parseRequestTarget, type RequestTarget } from "./http/request-path.js";
import { resolveRequestId } from "./http/request-id.js";
import { propagateTraceContext } from "./http/trace-context.js";
import { onResponseBodyBytes } from "./http/response-body-bytes.js";
import type { TrustedProxies } from "./http/trusted-proxies.js";
import type { GatewayMetrics } from "./observability/gateway-metrics.js";
import type { Forwarder } from "./proxy/forwarder.js";

const REFUSED_PATH = "(refused path)";

export function createRequestHandler(deps: {
  store: ConfigStore;
  forwarder: Forwarder;
  logger: Logger;
  trustedProxies?: TrustedProxies;
  metrics: GatewayMetrics;
  answerProbe: AnswerProbe;
  /** Absent: analytics off. */
  analytics?: AnalyticsRecorder;
}) {
  const { store, forwarder, logger } = deps;

  function logWhenDone(req: IncomingMessage, res: ServerResponse, requestId: string, path: string, fields: AccessLogFields) {
    const started = performance.now();
    // Probes are the load balancer's, not traffic: they would drown the request rate.
    const traffic = !isProbePath(path);
    const meter = traffic ? deps.analytics?.meter(req, res) : undefined;
    // A response closes once: "on" spares the wrapper "once" would make per request.
    res.on("close", () => {
      const durationMs = performance.now() - started;
      // Path only, never the query string: it may carry a subscription key.
      logger.info(
        {
          requestId,
          method: req.method,
          path,
          status: res.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
          apiId: fields.apiId,
          subscriptionId: fields.subscriptionId,
          clientCertificate: fields.clientCertificate,
          traceId: fields.traceId,
          spanId: fields.spanId,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        "request",
      );
      if (!traffic) return;
      const rejectionCode = answeredCode(res);
      deps.metrics.observeRequest(req, { apiId: fields.apiId, status: res.statusCode, durationMs, rejectionCode });
      meter?.answered({
        requestId,
        // A refused path is recorded as sent (without its query), for whoever looks into it.
        path: path === REFUSED_PATH ? (req.url ?? "").split("?")[0]! : path,
        fields,
        // Nothing sent: the client left first (nginx's 499), whatever status was about to go.
        status: res.headersSent ? res.statusCode : 499,
        errorCode: rejectionCode,
        latencyMs: durationMs,
      });
    });
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: RequestTarget, requestId: string, fields: AccessLogFields) {
    if (isProbePath(url.pathname)) return deps.answerProbe(req, res, url.pathname);

    // Read once: this request is served entirely by this config, even if a new one is swapped in meanwhile.
    const admission = await admitRequest(store.get(), req, url, requestId, fields, { trustedProxies: deps.trustedProxies });
    if (!admission.admitted) return sendRejection(res, admission.rejection);
    if (res.destroyed) return; // client gave up while policies ran

    const { route, rest, ctx } = admission;
    for (const [name, value] of Object.entries(ctx.responseHeaders)) res.setHeader(name, value);
    const afterResponse = ctx.afterResponse;
    if (afterResponse) onResponseBodyBytes(res, (bytes) => afterResponse.forEach((report) => report(bytes)));
    forwarder.forward(req, res, route.backends, rest, ctx.query, {
      body: ctx.bufferedBody,
      maxBodyBytes: ctx.maxRequestBodyBytes,
      editResponseHeaders: ctx.responseHeaderEdits,
    });
  }

  return function handleRequest(req: IncomingMessage, res: ServerResponse): void {
    // First, so no policy reads a connection-only header and none the gateway sets below can be nominated away.
    stripRequestHopByHop(req.headers);
    const requestId = resolveRequestId(req.headers["x-request-id"]);
    req.headers["x-request-id"] = requestId; // forwarded to the backend
    res.setHeader("x-request-id", requestId);
    const { traceId, spanId } = propagateTraceContext(req.headers); // the backend sees the gateway's span as parent
    const fields: AccessLogFields = { traceId, spanId };

    const target = parseRequestTarget(req.url ?? "/");
    if ("rejection" in target) {
      logWhenDone(req, res, requestId, REFUSED_PATH, fields);
      return sendRejection(res, target.rejection);
    }
    logWhenDone(req, res, requestId, target.url.pathname, fields);

    route(req, res, target.url, requestId, fields).catch((err: unknown) => {
      logger.error({ requestId, apiId: fields.apiId, err }, "request failed inside the gateway");
      sendError(res, "internal_error");
    });
  };
}
