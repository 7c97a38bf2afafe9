// An HTTP Upgrade request, start to end. WebSocket upgrades pass exactly what a
// plain request passes (hop-by-hop headers dropped, path checks, admission with
// the API's policy pipeline) and are then tunnelled to a backend; every
// rejection is the usual JSON answer written on the socket, which is then
// closed. Other protocols (h2c, ...) could tunnel past every policy: 501.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Logger } from "pino";
import { admitRequest, type AccessLogFields } from "./admit-request.js";
import type { AnalyticsRecorder } from "./analytics/analytics-recorder.js";
import type { ConfigStore } from "./config/config-store.js";
import { rejection, writeSocketRejection, type Rejection } from "./http/errors.js";
import { setForwardingHeaders } from "./http/forwarded-headers.js";
import { stripRequestHopByHop } from "./http/hop-by-hop.js";
import { parseRequestTarget } from "./http/request-path.js";
import { resolveRequestId } from "./http/request-id.js";
import { propagateTraceContext } from "./http/trace-context.js";
import type { TrustedProxies } from "./http/trusted-proxies.js";
import { upstreamPath } from "./proxy/forwarder.js";
import { forwardUpgrade, type UpgradeTarget } from "./proxy/upgrade-forwarder.js";
import type { GatewayMetrics } from "./observability/gateway-metrics.js";

export function createUpgradeHandler(deps: {
  store: ConfigStore;
  logger: Logger;
  timeoutMs: number;
  trustedProxies: TrustedProxies;
  metrics: GatewayMetrics;
  /** Absent: analytics off. */
  analytics?: AnalyticsRecorder;
}) {
  const { store, logger } = deps;

  /** A rejection to write, or undefined once the request is handed to the backend (or its client is gone). */
  async function admit(
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    wantsWebSocket: boolean,
    requestId: string,
    fields: AccessLogFields,
    log: UpgradeTarget["onAnswer"],
  ): Promise<Rejection | undefined> {
    if (!wantsWebSocket) return rejection("upgrade_not_supported", undefined, "Only WebSocket upgrades are supported.");
    if (req.method !== "GET") return rejection("method_not_allowed", { allow: "GET" });
    const target = parseRequestTarget(req.url ?? "/");
    if ("rejection" in target) return target.rejection;

    const admission = await admitRequest(store.get(), req, target.url, requestId, fields, { websocket: true, trustedProxies: deps.trustedProxies });
    if (!admission.admitted) return admission.rejection;
    if (socket.destroyed) return void log(499); // the client gave up while policies ran
    const { route, rest, ctx } = admission;
    setForwardingHeaders(req, deps.trustedProxies);
    const backend = route.backends.pick();
    if (!backend) return rejection("no_healthy_backend", { "retry-after": "5" });
    const responseHeaders = { ...ctx.responseHeaders, "x-request-id": requestId };
    const path = upstreamPath(backend, rest, ctx.query);
    forwardUpgrade(req, socket, head, { backend, path, responseHeaders, onAnswer: log }, { timeoutMs: deps.timeoutMs, logger });
    return undefined;
  }

  return function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on("error", (err) => logger.debug({ err: err.message }, "client socket error during upgrade"));
    const wantsWebSocket = String(req.headers.upgrade ?? "").toLowerCase() === "websocket";
    // First, so no policy reads a connection-only header and none the gateway sets can be nominated away.
    stripRequestHopByHop(req.headers);
    const requestId = resolveRequestId(req.headers["x-request-id"]);
    req.headers["x-request-id"] = requestId;
    const { traceId, spanId } = propagateTraceContext(req.headers);
    const fields: AccessLogFields = { traceId, spanId };
    const started = performance.now();
    // A tunnel's bytes are not counted: its record is written when it opens (or is refused).
    const meter = deps.analytics?.meter(req);
    const log: UpgradeTarget["onAnswer"] = (status, refusal) => {
      // Path only, never the query string: it may carry a subscription key.
      const path = (req.url ?? "").split("?")[0]!;
      const durationMs = performance.now() - started;
      logger.info({ requestId, method: req.method, path, status, upgrade: true, ...fields }, "request");
      deps.metrics.observeRequest(req, { apiId: fields.apiId, status, durationMs, rejectionCode: refusal?.code });
      meter?.answered({ requestId, path, fields, status, errorCode: refusal?.code, latencyMs: durationMs, bytesOut: refusal?.bodyBytes ?? 0 });
    };
    const refuse = (r: Rejection) => log(r.status, { code: r.code, bodyBytes: writeSocketRejection(socket, r, { "x-request-id": requestId }) });

    admit(req, socket, head, wantsWebSocket, requestId, fields, log)
      .then((outcome) => outcome && refuse(outcome))
      .catch((err: unknown) => {
        logger.error({ requestId, apiId: fields.apiId, err }, "upgrade failed inside the gateway");
        refuse(rejection("internal_error"));
      });
  };
}
