// Forwards a request to one of an API's backends with a single shared http-proxy instance.
// The gateway rewrites the path itself (API path out, backend base path in)
// and hands http-proxy only the origin, so http-proxy never joins paths. It
// sets the forwarding headers and relays the response itself (relay-response).
// Every failure becomes a JSON answer (502/503/504) or, once the response has
// started, a cut connection; nothing here may throw into the server.
// Each attempt's outcome feeds the backend's health (backends/backend-health.ts);
// an idempotent request whose body can be replayed that fails to connect is sent
// to another backend, up to the API's maxRetries, and one whose kept-alive
// connection the backend had just closed goes again. Answers are never retried.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import httpProxy from "http-proxy";
import type { Logger } from "pino";
import type { Attempt } from "../backends/backend-health.js";
import type { BackendPool } from "../backends/backend-pool.js";
import type { CompiledBackend } from "../config/compile-config.js";
import { IDEMPOTENT_METHODS } from "../contract/backend-settings.js";
import { sendError, type GatewayErrorCode } from "../http/errors.js";
import { setForwardingHeaders } from "../http/forwarded-headers.js";
import type { TrustedProxies } from "../http/trusted-proxies.js";
import { watchBodyBytes } from "./count-body-bytes.js";
import { relayResponse, type ResponseHeaderEdit } from "./relay-response.js";

/** What policies decided about the body and the answer (see PolicyContext). */
export interface ForwardOptions {
  /** The body, already read by a policy: sent instead of the (consumed) request stream. */
  body?: Buffer;
  /** A streamed body longer than this is cut and answered 413 payload_too_large. */
  maxBodyBytes?: number;
  editResponseHeaders?: readonly ResponseHeaderEdit[];
}

export interface Forwarder {
  /** `rest` is the path below the API path; `query` the raw query without "?". */
  forward(req: IncomingMessage, res: ServerResponse, pool: BackendPool, rest: string, query: string, opts?: ForwardOptions): void;
  close(): void;
}

/** "/api" + "/orders/1" + "x=1" -> "/api/orders/1?x=1"; never an empty path. */
export function upstreamPath(backend: CompiledBackend, rest: string, query: string): string {
  const path = `${backend.basePath}${rest}` || "/";
  const fullQuery = [backend.baseQuery, query].filter((q) => q !== "").join("&");
  return fullQuery ? `${path}?${fullQuery}` : path;
}

/** One try of one request at one backend, and what happened to its connection. */
interface Try {
  readonly attempt: Attempt;
  readonly pool: BackendPool;
  connected: boolean;
  /** Sent on a kept-alive connection rather than a new one. */
  reused: boolean;
  connectTimedOut: boolean;
  responseTimedOut: boolean;
}

/**
 * How a kept-alive connection the backend closed while idle fails when reused: the
 * request never reached the backend's application (the agent also honours the
 * backend's Keep-Alive timeout, see keep-alive.ts; this covers what races it).
 */
const STALE_CONNECTION_ERRORS = new Set(["ECONNRESET", "EPIPE"]);
/** A burst may meet several stale connections in a row before a fresh one. */
const MAX_STALE_RETRIES = 2;

/** A body the gateway can send again: none at all, or one a policy already read into memory. */
function replayableBody(req: IncomingMessage, options: ForwardOptions): Buffer | undefined {
  if (options.body) return options.body;
  const length = req.headers["content-length"];
  const bodyless = req.headers["transfer-encoding"] === undefined && (length === undefined || length === "0");
  return bodyless ? Buffer.alloc(0) : undefined;
}

export function createForwarder(opts: {
  logger: Logger;
  trustedProxies: TrustedProxies;
  httpAgent: http.Agent;
  /** Time (ms) from sending the request to the backend's response headers, for the upstream latency metric. */
  onUpstreamResponse?: (req: IncomingMessage, ms: number) => void;
}): Forwarder {
  const proxy = httpProxy.createProxyServer({
    changeOrigin: true, // backends see their own Host, not the gateway's
    selfHandleResponse: true,
  });
  const tries = new WeakMap<IncomingMessage, Try>();
  const proxiedRequests = new WeakMap<IncomingMessage, http.ClientRequest>();
  const bodyWatches = new WeakMap<IncomingMessage, () => void>();
  const chunkedBodies = new WeakSet<IncomingMessage>();
  const responseEdits = new WeakMap<IncomingMessage, readonly ResponseHeaderEdit[]>();

  function fail(res: ServerResponse, backend: string, code: GatewayErrorCode, reason: string, headers?: Record<string, string>) {
    if (res.destroyed || res.writableEnded) return; // nobody is left to answer, or it was answered already
    opts.logger.warn({ backend, code, reason }, "backend request failed");
    sendError(res, code, headers); // or, if the backend died mid-response, cuts the connection
  }

  // Emitted once the backend request has a socket: a new one is watched until connected (and, for https, handshaken).
  function watchConnect(proxyReq: http.ClientRequest, current: Try) {
    // http-proxy's own timeout just aborts; remember why, to answer 504 and to tell a dead backend from a slow one.
    proxyReq.once("timeout", () => (current.connected ? (current.responseTimedOut = true) : (current.connectTimedOut = true)));
    if (proxyReq.reusedSocket) return void (current.connected = current.reused = true);
    const socket = proxyReq.socket!;
    const timer = setTimeout(() => {
      current.connectTimedOut = true;
      proxyReq.destroy(new Error("connect timeout"));
    }, current.pool.timeouts.connectMs);
    socket.once(current.attempt.health.backend.protocol === "https:" ? "secureConnect" : "connect", () => {
      current.connected = true;
      clearTimeout(timer);
    });
    socket.once("close", () => clearTimeout(timer));
  }

  const upstreamSentAt = new WeakMap<IncomingMessage, number>();
  proxy.on("proxyReq", (proxyReq, req, res) => {
    proxiedRequests.set(req, proxyReq);
    // Only now, once http-proxy has piped the body: an earlier "data" listener would start the flow
    // before the backend request has its socket, and so before its headers may still be changed.
    bodyWatches.get(req)?.();
    bodyWatches.delete(req);
    upstreamSentAt.set(req, performance.now()); // per attempt: a retry measures the backend that answered
    const current = tries.get(req);
    if (current) watchConnect(proxyReq, current);
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
  proxy.on("proxyRes", (proxyRes, req, res) => {
    const sentAt = upstreamSentAt.get(req);
    if (sentAt !== undefined) opts.onUpstreamResponse?.(req, performance.now() - sentAt);
    const current = tries.get(req);
    if (current) {
      const { attempt, pool } = current;
      if ((proxyRes.statusCode ?? 502) >= 500) attempt.health.answeredBadly(attempt, Date.now(), pool.rules);
      else attempt.health.succeeded(attempt);
    }
    // ...without one, Node reports the 101 as the response itself.
    if (proxyRes.statusCode !== 101) return relayResponse(proxyRes, res, responseEdits.get(req));
    proxyRes.destroy();
    fail(res, proxyRes.socket?.remoteAddress ?? "backend", "backend_invalid_response", "101 to a plain request");
  });
  // The client's socket went away first: the attempt says nothing about the backend.
  proxy.on("econnreset", (_err, req) => {
    const current = tries.get(req);
    if (current) current.attempt.health.abandoned(current.attempt);
  });
  // Safety net only: every forward passes its own error callback below.
  proxy.on("error", (err, _req, res) => {
    opts.logger.error({ err: err.message }, "unhandled proxy error");
    if (res instanceof http.ServerResponse) sendError(res, "backend_unavailable");
    else res.destroy();
  });

  return {
    forward(req, res, pool, rest, query, options = {}) {
      setForwardingHeaders(req, opts.trustedProxies);
      if (options.editResponseHeaders?.length) responseEdits.set(req, options.editResponseHeaders);
      const replayable = IDEMPOTENT_METHODS.has(req.method ?? "") ? replayableBody(req, options) : undefined;
      if (options.body) {
        // Read whole by a policy: the backend gets it with its length, no longer chunked.
        delete req.headers["transfer-encoding"];
        req.headers["content-length"] = String(options.body.length);
      } else if (req.headers["transfer-encoding"] !== undefined) {
        chunkedBodies.add(req);
        // Content-Length was checked before; a chunked body can only be measured as it streams.
        if (options.maxBodyBytes !== undefined) {
          const limit = options.maxBodyBytes;
          bodyWatches.set(req, () =>
            watchBodyBytes(req, limit, () => {
              opts.logger.info({ limit }, "streamed request body over the limit");
              res.shouldKeepAlive = false; // the rest of the body is never read
              sendError(res, "payload_too_large");
              proxiedRequests.get(req)?.destroy();
            }),
          );
        }
      }

      const tried = new Set<Attempt["health"]>();
      let sends = 0;
      let staleRetries = 0;
      const send = (attempt: Attempt) => {
        const backend = attempt.health.backend;
        tried.add(attempt.health);
        if (backend.protocol === "https:" && pool.tlsProblem) {
          attempt.health.abandoned(attempt); // the gateway's configuration, not the backend, is at fault
          return fail(res, backend.origin, "backend_unavailable", pool.tlsProblem);
        }
        const current: Try = { attempt, pool, connected: false, reused: false, connectTimedOut: false, responseTimedOut: false };
        sends++;
        tries.set(req, current);
        req.url = upstreamPath(backend, rest, query);
        // A replayable body is sent from memory every time (the stream can be read only once).
        // A body a policy read (request validation) must be sent from memory too: the stream is consumed.
        // An empty body on the first try is the request itself (nothing consumed it yet): no stream to make.
        const inMemory = replayable ?? options.body;
        const fromRequest = inMemory !== undefined && inMemory.length === 0 && sends === 1 && !options.body;
        const buffer = inMemory !== undefined && !fromRequest ? Readable.from([inMemory]) : undefined;
        const agent = backend.protocol === "https:" ? pool.httpsAgent : opts.httpAgent;
        proxy.web(req, res, { target: backend.origin, agent, buffer, proxyTimeout: pool.timeouts.responseMs }, (err) => {
          if (tries.get(req) !== current) return; // an earlier try's listener, still attached to the request
          const now = Date.now();
          const reason = (err as NodeJS.ErrnoException).code ?? err.message;
          if (res.destroyed || res.headersSent || req.socket.destroyed) {
            // The client left, or the answer was already under way: nothing to retry or report.
            attempt.health.abandoned(attempt);
            return fail(res, backend.origin, "backend_unavailable", reason);
          }
          if (current.responseTimedOut) {
            attempt.health.answeredBadly(attempt, now, pool.rules);
            return fail(res, backend.origin, "backend_timeout", reason);
          }
          if (replayable !== undefined && current.reused && STALE_CONNECTION_ERRORS.has(reason) && staleRetries < MAX_STALE_RETRIES) {
            staleRetries++;
            attempt.health.abandoned(attempt); // says nothing about the backend's health
            return send(attempt.health.begin(now, pool.rules));
          }
          attempt.health.failedToConnect(attempt, now, pool.rules);
          const next = replayable !== undefined && tried.size <= pool.maxRetries ? pool.next(now, tried) : undefined;
          if (next) {
            opts.logger.info({ backend: backend.origin, reason, retryTo: next.health.backend.origin }, "backend connection failed; retrying on another");
            return send(next);
          }
          fail(res, backend.origin, current.connectTimedOut ? "backend_timeout" : "backend_unavailable", reason);
        });
      };

      const first = pool.next(Date.now());
      if (!first) return fail(res, pool.apiId, "no_healthy_backend", "every backend is ejected, failing its health check or has an open breaker", {
          "retry-after": "5",
        });
      send(first);
    },
    close() {
      proxy.close(); // the agents belong to the backend registry, which closes them
    },
  };
}
