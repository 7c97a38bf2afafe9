// Forwards a request to one backend with a single shared http-proxy instance.
// The gateway rewrites the path itself (API path out, backend base path in)
// and hands http-proxy only the origin, so http-proxy never joins paths. It
// sets the forwarding headers and relays the response itself (relay-response).
// Every failure becomes a JSON answer (502/504) or, once the response has
// started, a cut connection; nothing here may throw into the server.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import httpProxy from "http-proxy";
import type { Logger } from "pino";
import type { CompiledBackend } from "../config/compile-config.js";
import { sendError, type GatewayErrorCode } from "../http/errors.js";
import { setForwardingHeaders } from "../http/forwarded-headers.js";
import type { TrustedProxies } from "../http/trusted-proxies.js";
import { relayResponse } from "./relay-response.js";

export interface Forwarder {
  /** `rest` is the path below the API path; `query` the raw query without "?". */
  forward(req: IncomingMessage, res: ServerResponse, backend: CompiledBackend, rest: string, query: string): void;
  close(): void;
}

/** "/api" + "/orders/1" + "x=1" -> "/api/orders/1?x=1"; never an empty path. */
export function upstreamPath(backend: CompiledBackend, rest: string, query: string): string {
  const path = `${backend.basePath}${rest}` || "/";
  const fullQuery = [backend.baseQuery, query].filter((q) => q !== "").join("&");
  return fullQuery ? `${path}?${fullQuery}` : path;
}

export function createForwarder(opts: { timeoutMs: number; logger: Logger; trustedProxies: TrustedProxies }): Forwarder {
  const proxy = httpProxy.createProxyServer({
    changeOrigin: true, // backends see their own Host, not the gateway's
    proxyTimeout: opts.timeoutMs,
    selfHandleResponse: true,
  });
  // Reused connections to backends; http-proxy would otherwise send "Connection: close" every time.
  const agents = {
    "http:": new http.Agent({ keepAlive: true }),
    "https:": new https.Agent({ keepAlive: true }),
  };
  const timedOut = new WeakSet<IncomingMessage>();
  const chunkedBodies = new WeakSet<IncomingMessage>();

  function fail(res: ServerResponse, backend: string, code: GatewayErrorCode, reason: string) {
    if (res.destroyed || res.writableEnded) return; // nobody is left to answer, or it was answered already
    opts.logger.warn({ backend, code, reason }, "backend request failed");
    sendError(res, code); // or, if the backend died mid-response, cuts the connection
  }

  proxy.on("proxyReq", (proxyReq, req, res) => {
    // http-proxy's own timeout just aborts; remember which requests it aborted to answer 504, not 502.
    proxyReq.once("timeout", () => timedOut.add(req));
    // http-proxy gives a DELETE or OPTIONS without Content-Length a "Content-Length: 0"; a chunked
    // body must stay chunked, or its bytes would reach the backend as a request of their own.
    if (chunkedBodies.has(req)) {
      proxyReq.removeHeader("content-length");
      proxyReq.setHeader("transfer-encoding", "chunked");
    }
    // A plain request never asks to switch protocols (upgrades take the server's "upgrade" path).
    // With an Upgrade header Node hands a 101 to this listener, else it would drop it and leave the client waiting.
    proxyReq.once("upgrade", (_proxyRes, socket) => {
      socket.destroy();
      fail(res, proxyReq.host, "backend_invalid_response", "101 with Upgrade to a plain request");
    });
  });
  proxy.on("proxyRes", (proxyRes, _req, res) => {
    // ...without one, Node reports the 101 as the response itself.
    if (proxyRes.statusCode !== 101) return relayResponse(proxyRes, res);
    proxyRes.destroy();
    fail(res, proxyRes.socket?.remoteAddress ?? "backend", "backend_invalid_response", "101 to a plain request");
  });
  // Safety net only: every forward passes its own error callback below.
  proxy.on("error", (err, _req, res) => {
    opts.logger.error({ err: err.message }, "unhandled proxy error");
    if (res instanceof http.ServerResponse) sendError(res, "backend_unavailable");
    else res.destroy();
  });

  return {
    forward(req, res, backend, rest, query) {
      req.url = upstreamPath(backend, rest, query);
      setForwardingHeaders(req, opts.trustedProxies);
      if (req.headers["transfer-encoding"] !== undefined) chunkedBodies.add(req);
      proxy.web(req, res, { target: backend.origin, agent: agents[backend.protocol] }, (err) => {
        const code = timedOut.has(req) ? "backend_timeout" : "backend_unavailable";
        fail(res, backend.origin, code, (err as NodeJS.ErrnoException).code ?? err.message);
      });
    },
    close() {
      proxy.close();
      agents["http:"].destroy();
      agents["https:"].destroy();
    },
  };
}
