// Forwards a request to one backend with a single shared http-proxy instance.
// The gateway rewrites the path itself (API path out, backend base path in)
// and hands http-proxy only the origin, so http-proxy never joins paths.
// Every failure becomes a JSON answer (502/504) or, once the response has
// started, a cut connection; nothing here may throw into the server.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import httpProxy from "http-proxy";
import type { Logger } from "pino";
import type { CompiledBackend } from "../config/compile-config";
import { sendError } from "../http/errors";

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

export function createForwarder(opts: { timeoutMs: number; logger: Logger }): Forwarder {
  const proxy = httpProxy.createProxyServer({
    changeOrigin: true, // backends see their own Host, not the gateway's
    xfwd: true, // ...and the caller in X-Forwarded-For/-Host/-Proto
    proxyTimeout: opts.timeoutMs,
  });
  // Reused connections to backends; http-proxy would otherwise send "Connection: close" every time.
  const agents = {
    "http:": new http.Agent({ keepAlive: true }),
    "https:": new https.Agent({ keepAlive: true }),
  };
  const timedOut = new WeakSet<IncomingMessage>();

  // http-proxy's own timeout just aborts; remember which requests it aborted to answer 504, not 502.
  proxy.on("proxyReq", (proxyReq, req) => {
    proxyReq.once("timeout", () => timedOut.add(req));
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
      proxy.web(req, res, { target: backend.origin, agent: agents[backend.protocol] }, (err) => {
        if (res.destroyed) return; // the client went away first: nobody is left to answer
        const code = timedOut.has(req) ? "backend_timeout" : "backend_unavailable";
        const reason = (err as NodeJS.ErrnoException).code ?? err.message;
        opts.logger.warn({ backend: backend.origin, code, reason }, "backend request failed");
        sendError(res, code); // or, if the backend died mid-response, cuts the connection
      });
    },
    close() {
      proxy.close();
      agents["http:"].destroy();
      agents["https:"].destroy();
    },
  };
}
