// Forwards a request to one of an API's backends with node:http(s) directly.
// The gateway rewrites the path itself (API path out, backend base path in),
// sets the forwarding headers and relays the response itself (relay-response).
// Every failure becomes a JSON answer (502/503/504) or, once the response has
// started, a cut connection; nothing here may throw into the server.
// Each attempt's outcome feeds the backend's health (backends/backend-health.ts);
// an idempotent request whose body can be replayed that fails to connect is sent
// to another backend, up to the API's maxRetries, and one whose kept-alive
// connection the backend had just closed goes again. Answers are never retried.
//
// This was http-proxy until its per-request cost showed in the gateway bench: each
// call copied its options, parsed the target URL and the path again (url.parse),
// emitted through an EventEmitter3 and piped even an empty body. What the backend
// receives is unchanged: the same path (legacyUpstreamPath), Host (the backend's
// own), Content-Length: 0 on a bodyless DELETE or OPTIONS, the same timeouts.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import { parse as legacyUrlParse } from "node:url";
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
  const fullQuery = backend.baseQuery === "" ? query : query === "" ? backend.baseQuery : `${backend.baseQuery}&${query}`;
  return fullQuery ? `${path}?${fullQuery}` : path;
}

/** What url.parse escapes in a path (node:url's autoEscapeChars), and what urlJoin below rewrites. */
const LEGACY_REWRITTEN = /[\t\n\r "'<>\\^`{|}]|\/\/|:\//;

/**
 * The request target as http-proxy sent it, which backends have always received:
 * url.parse(path).path joined to the origin's "/" by http-proxy's urlJoin (repeated
 * slashes before the query collapse, the first "http:/" becomes "http://", some
 * characters are percent-escaped). For the paths requests almost always have, none
 * of that changes a byte, and nothing is parsed.
 */
export function legacyUpstreamPath(path: string): string {
  if (!LEGACY_REWRITTEN.test(path)) return path;
  const parsed = legacyUrlParse(path).path ?? "";
  const [pathPart, ...querySegments] = parsed.split("?");
  const joined = ["/", pathPart].filter(Boolean).join("/").replace(/\/+/g, "/").replace("http:/", "http://").replace("https:/", "https://");
  return [joined, ...querySegments].join("?");
}

/** Where and how to reach a backend, worked out once per backend rather than per request. */
interface Target {
  readonly client: typeof http | typeof https;
  readonly hostname: string;
  readonly port: number;
  /** The backend's own Host (changeOrigin): host, with the port unless it is the protocol's default. */
  readonly host: string;
}

function targetOf(backend: CompiledBackend): Target {
  const url = new URL(backend.origin);
  const secure = backend.protocol === "https:";
  return {
    client: secure ? https : http,
    hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
    port: url.port ? Number(url.port) : secure ? 443 : 80,
    host: url.host,
  };
}

/** One try of one request at one backend, and what happened to its connection. */
interface Try {
  readonly attempt: Attempt;
  readonly pool: BackendPool;
  readonly proxyReq: http.ClientRequest;
  connected: boolean;
  /** Sent on a kept-alive connection rather than a new one. */
  reused: boolean;
  connectTimedOut: boolean;
  responseTimedOut: boolean;
  /** When the request left for the backend (its socket was assigned), for the upstream latency. */
  sentAt: number;
}

/**
 * How a kept-alive connection the backend closed while idle fails when reused: the
 * request never reached the backend's application (the agent also honours the
 * backend's Keep-Alive timeout, see keep-alive.ts; this covers what races it).
 */
const STALE_CONNECTION_ERRORS = new Set(["ECONNRESET", "EPIPE"]);
/** A burst may meet several stale connections in a row before a fresh one. */
const MAX_STALE_RETRIES = 2;
const EMPTY = Buffer.alloc(0);

/** A body the gateway can send again: none at all, or one a policy already read into memory. */
function replayableBody(req: IncomingMessage, options: ForwardOptions): Buffer | undefined {
  if (options.body) return options.body;
  const length = req.headers["content-length"];
  const bodyless = req.headers["transfer-encoding"] === undefined && (length === undefined || length === "0");
  return bodyless ? EMPTY : undefined;
}

export function createForwarder(opts: {
  logger: Logger;
  trustedProxies: TrustedProxies;
  httpAgent: http.Agent;
  /** Time (ms) from sending the request to the backend's response headers, for the upstream latency metric. */
  onUpstreamResponse?: (req: IncomingMessage, ms: number) => void;
}): Forwarder {
  const targets = new WeakMap<CompiledBackend, Target>();

  function fail(res: ServerResponse, backend: string, code: GatewayErrorCode, reason: string, headers?: Record<string, string>) {
    if (res.destroyed || res.writableEnded) return; // nobody is left to answer, or it was answered already
    opts.logger.warn({ backend, code, reason }, "backend request failed");
    sendError(res, code, headers); // or, if the backend died mid-response, cuts the connection
  }

  // Once the backend request has a socket: a new one is watched until connected (and, for https, handshaken).
  function watchConnect(current: Try, secure: boolean) {
    const { proxyReq } = current;
    current.sentAt = performance.now(); // per attempt: a retry measures the backend that answered
    if (proxyReq.reusedSocket) return void (current.connected = current.reused = true);
    const socket = proxyReq.socket!;
    const timer = setTimeout(() => {
      current.connectTimedOut = true;
      proxyReq.destroy(new Error("connect timeout"));
    }, current.pool.timeouts.connectMs);
    socket.once(secure ? "secureConnect" : "connect", () => {
      current.connected = true;
      clearTimeout(timer);
    });
    socket.once("close", () => clearTimeout(timer));
  }

  return {
    forward(req, res, pool, rest, query, options = {}) {
      setForwardingHeaders(req, opts.trustedProxies);
      const headers = req.headers;
      const edits = options.editResponseHeaders;
      const replayable = IDEMPOTENT_METHODS.has(req.method ?? "") ? replayableBody(req, options) : undefined;
      const chunked = !options.body && headers["transfer-encoding"] !== undefined;
      if (options.body) {
        // Read whole by a policy: the backend gets it with its length, no longer chunked.
        delete headers["transfer-encoding"];
        headers["content-length"] = String(options.body.length);
      } else if (!chunked && (req.method === "DELETE" || req.method === "OPTIONS") && !headers["content-length"]) {
        headers["content-length"] = "0"; // as http-proxy always sent them
      }

      const tried = new Set<Attempt["health"]>();
      let sends = 0;
      let staleRetries = 0;
      let current: Try | undefined;
      // The client's side of the exchange, watched once for every try: it aborting ends the backend request.
      req.on("aborted", () => current?.proxyReq.destroy());
      req.on("error", (err) => current && onTryError(current, err));

      function onTryError(tr: Try, err: NodeJS.ErrnoException) {
        if (current !== tr) return; // an earlier try, already replaced
        const { attempt } = tr;
        if (req.socket.destroyed && err.code === "ECONNRESET") {
          // The client's socket went away first: the attempt says nothing about the backend.
          attempt.health.abandoned(attempt);
          return void tr.proxyReq.destroy();
        }
        const backend = attempt.health.backend;
        const now = Date.now();
        const reason = err.code ?? err.message;
        if (res.destroyed || res.headersSent || req.socket.destroyed) {
          // The client left, or the answer was already under way: nothing to retry or report.
          attempt.health.abandoned(attempt);
          return fail(res, backend.origin, "backend_unavailable", reason);
        }
        if (tr.responseTimedOut) {
          attempt.health.answeredBadly(attempt, now, pool.rules);
          return fail(res, backend.origin, "backend_timeout", reason);
        }
        if (replayable !== undefined && tr.reused && STALE_CONNECTION_ERRORS.has(reason) && staleRetries < MAX_STALE_RETRIES) {
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
        fail(res, backend.origin, tr.connectTimedOut ? "backend_timeout" : "backend_unavailable", reason);
      }

      function onResponse(tr: Try, proxyRes: IncomingMessage) {
        if (current !== tr) return void proxyRes.destroy();
        opts.onUpstreamResponse?.(req, performance.now() - tr.sentAt);
        const { attempt } = tr;
        if ((proxyRes.statusCode ?? 502) >= 500) attempt.health.answeredBadly(attempt, Date.now(), pool.rules);
        else attempt.health.succeeded(attempt);
        // A 101 without Upgrade: Node reports it as the response itself.
        if (proxyRes.statusCode !== 101) return relayResponse(proxyRes, res, edits);
        proxyRes.destroy();
        fail(res, proxyRes.socket?.remoteAddress ?? "backend", "backend_invalid_response", "101 to a plain request");
      }

      function send(attempt: Attempt): void {
        const backend = attempt.health.backend;
        tried.add(attempt.health);
        if (backend.protocol === "https:" && pool.tlsProblem) {
          attempt.health.abandoned(attempt); // the gateway's configuration, not the backend, is at fault
          return fail(res, backend.origin, "backend_unavailable", pool.tlsProblem);
        }
        let target = targets.get(backend);
        if (!target) targets.set(backend, (target = targetOf(backend)));
        sends++;
        const path = upstreamPath(backend, rest, query);
        req.url = path;
        headers.host = target.host; // the backend's own Host, not the gateway's
        const secure = backend.protocol === "https:";
        const proxyReq = target.client.request({
          hostname: target.hostname,
          port: target.port,
          method: req.method,
          path: legacyUpstreamPath(path),
          headers,
          agent: secure ? pool.httpsAgent : opts.httpAgent,
          ...(secure ? { rejectUnauthorized: true } : {}),
        });
        const tr: Try = { attempt, pool, proxyReq, connected: false, reused: false, connectTimedOut: false, responseTimedOut: false, sentAt: performance.now() };
        current = tr;
        // A chunked body stays chunked: Node would otherwise frame a DELETE's or OPTIONS' body by nothing at all.
        if (chunked) proxyReq.setHeader("transfer-encoding", "chunked");
        proxyReq.on("socket", () => watchConnect(tr, secure));
        // The response deadline aborts; remember why, to answer 504 and to tell a dead backend from a slow one.
        proxyReq.setTimeout(pool.timeouts.responseMs, () => {
          if (tr.connected) tr.responseTimedOut = true;
          else tr.connectTimedOut = true;
          proxyReq.destroy();
        });
        proxyReq.on("error", (err: NodeJS.ErrnoException) => onTryError(tr, err));
        proxyReq.on("response", (proxyRes) => onResponse(tr, proxyRes));
        // A plain request never asks to switch protocols (upgrades take the server's "upgrade" path).
        // With an Upgrade header Node hands a 101 to this listener, else it would drop it and leave the client waiting.
        proxyReq.on("upgrade", (_proxyRes, socket) => {
          socket.destroy();
          fail(res, backend.origin, "backend_invalid_response", "101 with Upgrade to a plain request");
        });

        // A replayable body is sent from memory every time (the stream can be read only once).
        // A body a policy read (request validation) must be sent from memory too: the stream is consumed.
        // An empty body on the first try is the request itself: nothing to send but the end.
        const inMemory = replayable ?? options.body;
        if (inMemory !== undefined) return void (inMemory.length === 0 ? proxyReq.end() : proxyReq.end(inMemory));
        req.pipe(proxyReq);
        if (chunked && options.maxBodyBytes !== undefined && sends === 1) {
          // Content-Length was checked before; a chunked body can only be measured as it streams.
          const limit = options.maxBodyBytes;
          watchBodyBytes(req, limit, () => {
            opts.logger.info({ limit }, "streamed request body over the limit");
            res.shouldKeepAlive = false; // the rest of the body is never read
            sendError(res, "payload_too_large");
            current?.proxyReq.destroy();
          });
        }
      }

      const first = pool.next(Date.now());
      if (!first) {
        return fail(res, pool.apiId, "no_healthy_backend", "every backend is ejected, failing its health check or has an open breaker", {
          "retry-after": "5",
        });
      }
      send(first);
    },
    close() {
      // Nothing of its own: the agents belong to the backend registry, which closes them.
    },
  };
}
