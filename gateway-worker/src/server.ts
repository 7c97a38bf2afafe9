// Assembles a gateway from its parts. Kept free of process-level concerns
// (env, signals, exit) so tests can start several gateways in one process.
import http from "node:http";
import type https from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { pino, type Logger } from "pino";
import { createAnalyticsRecorder, type AnalyticsSettings } from "./analytics/analytics-recorder.js";
import { BackendRegistry } from "./backends/backend-registry.js";
import { ConfigStore } from "./config/config-store.js";
import { ConfigSubscriber } from "./config/config-subscriber.js";
import { rejection, sendError, writeSocketRejection } from "./http/errors.js";
import { trustedProxies } from "./http/trusted-proxies.js";
import { Pipeline } from "./pipeline/pipeline.js";
import { createLimiter, type LimiterStats } from "./limits/limiter.js";
import { defaultPolicies } from "./policies/index.js";
import { createLimitsPolicy } from "./policies/limits.js";
import type { AnyPolicy } from "./policies/policy.js";
import { createForwarder } from "./proxy/forwarder.js";
import { createRequestHandler } from "./request-handler.js";
import { DEFAULT_HEARTBEAT_INTERVAL_MS } from "./contract/gateway-registry.js";
import { createProbes } from "./http/probes.js";
import { defaultInstanceId, GatewayHeartbeat } from "./observability/gateway-heartbeat.js";
import { GatewayMetrics } from "./observability/gateway-metrics.js";
import { startMetricsServer, type MetricsServer } from "./observability/metrics-server.js";
import { Readiness, type ReadinessCheck } from "./observability/readiness.js";
import { rememberHttpsRedirectPort } from "./tls/connection-info.js";
import { createHttpsListener, type HttpsOptions } from "./tls/https-listener.js";
import { createUpgradeHandler } from "./upgrade-handler.js";
import { apiRoutesOf } from "./routing/api-route-table.js";

export interface GatewayOptions {
  redisUrl: string;
  /** CONFIG_CHANNEL_PREFIX: must match the console's. */
  prefix: string;
  pollIntervalMs?: number;
  backendTimeoutMs?: number;
  /** Deadline for a client to send its request headers (408 after it). */
  headersTimeoutMs?: number;
  /** Deadline for a client to send its whole request, body included (408 after it). */
  requestTimeoutMs?: number;
  /** Peers (IPs or CIDRs) whose X-Forwarded-* and Forwarded headers are extended rather than replaced. */
  trustedProxies?: readonly string[];
  /** GATEWAY_SECRETS_KEY (32 bytes): opens the keys sealed by the console (backend client keys, the HTTPS certificate's). */
  secretsKey?: Buffer;
  /** An HTTPS listener beside the plain one, same handlers; absent: plain HTTP only. */
  https?: HttpsOptions;
  logger?: Logger;
  policies?: readonly AnyPolicy[];
  /** Port of the Prometheus /metrics listener (0: any free port); absent or null: no metrics listener. */
  metricsPort?: number | null;
  metricsHost?: string;
  /** How often this instance refreshes its registration in Redis (the console's Gateways page). */
  heartbeatIntervalMs?: number;
  /** Stable id in the registry; default host-pid-random. */
  instanceId?: string;
  /** Extra conditions for /readyz, beside "a config is loaded". */
  readinessChecks?: readonly ReadinessCheck[];
  /** Records every answered request on the analytics queue (under `prefix`); absent: no analytics. */
  analytics?: AnalyticsSettings;
}

export interface Gateway {
  readonly server: http.Server;
  /** Present when `https` was given; listening once it has a certificate. */
  readonly httpsServer: https.Server | null;
  /** The HTTPS listener's bound port, null while it is not listening. */
  httpsPort(): number | null;
  /** Loads the current config (cold start), then accepts connections. Resolves to the bound port. */
  listen(port?: number, host?: string): Promise<number>;
  /** Stops accepting, lets in-flight requests finish (at most `graceMs`), then releases Redis. */
  close(graceMs?: number): Promise<void>;
  currentVersion(): number | null;
  readonly instanceId: string;
  /** /readyz's checks: parts of the gateway add theirs (e.g. the limiter). */
  readonly readiness: Readiness;
  readonly metrics: GatewayMetrics;
  /** The /metrics listener's bound port, null when there is none. */
  metricsPort(): number | null;
  /** What the limiter did without Redis (fail open/closed), for logs and metrics. */
  limiterStats(): Readonly<LimiterStats>;
}

/** The response a socket is busy with (the latest one), and every response of it still in flight. */
const kCurrent = Symbol("portcullis.currentResponse");
const kInFlight = Symbol("portcullis.inFlightResponses");
type TrackedSocket = Socket & { [kCurrent]?: http.ServerResponse; [kInFlight]?: http.ServerResponse[] };

export function createGateway(options: GatewayOptions): Gateway {
  const logger = options.logger ?? pino({ level: "silent" });
  // Its own Redis connection: limits must fail fast, the config channel may wait and retry.
  // Called only after start-up, once `metrics` below exists.
  const limiter = createLimiter({ redisUrl: options.redisUrl, logger, onRedisError: () => metrics.redisError("limiter") });
  const pipeline = new Pipeline(options.policies ?? [...defaultPolicies, createLimitsPolicy({ limiter, prefix: options.prefix })]);
  // Backend health outlives configs: an API that keeps a URL keeps its ejections, breaker and checks.
  const backends = new BackendRegistry({ logger, defaultTimeoutMs: options.backendTimeoutMs ?? 30_000, secretsKey: options.secretsKey });
  const store = new ConfigStore(
    { pipeline, backends, onGatewayTls: (tls) => httpsListener?.offer(tls) },
    logger,
    (config) => {
      apiRoutesOf(config); // the merged route table, built now rather than by the first request
      backends.activate(config.backendPools);
    },
  );
  const metrics = new GatewayMetrics(() => store.version());
  const subscriber = new ConfigSubscriber({
    redisUrl: options.redisUrl,
    prefix: options.prefix,
    pollIntervalMs: options.pollIntervalMs ?? 30_000,
    store,
    logger,
    onRedisError: (source) => metrics.redisError(source),
  });
  const readiness = new Readiness();
  readiness.add({ name: "config", check: () => (store.get() ? { ready: true } : { ready: false, detail: "no config received yet" }) });
  // Failing open, a gateway without Redis still serves every call correctly (counted locally);
  // failing closed, it would answer 503 to limited calls, so a load balancer should skip it.
  readiness.add({
    name: "limiter",
    check: () =>
      limiter.stats.redisReachable || !store.get()?.failsClosedWithoutLimiter
        ? { ready: true }
        : { ready: false, detail: "the limiter's Redis is unreachable and an API fails closed without it" },
  });
  for (const check of options.readinessChecks ?? []) readiness.add(check);
  const instanceId = options.instanceId ?? defaultInstanceId();
  const heartbeat = new GatewayHeartbeat({
    redisUrl: options.redisUrl,
    prefix: options.prefix,
    intervalMs: options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS,
    instanceId,
    store,
    metrics,
    logger,
  });
  const analytics = options.analytics
    ? createAnalyticsRecorder({ redisUrl: options.redisUrl, prefix: options.prefix, gatewayId: instanceId, settings: options.analytics, metrics, logger })
    : undefined;
  let metricsServer: MetricsServer | null = null;
  const backendTimeoutMs = options.backendTimeoutMs ?? 30_000;
  const isTrustedProxy = trustedProxies(options.trustedProxies ?? []);
  const forwarder = createForwarder({
    logger,
    trustedProxies: isTrustedProxy,
    httpAgent: backends.httpAgent,
    onUpstreamResponse: (req, ms) => metrics.upstreamResponded(req, ms),
  });
  const answerProbe = createProbes({ store, readiness });
  const handleRequest = createRequestHandler({ store, forwarder, logger, trustedProxies: isTrustedProxy, metrics, answerProbe, analytics });
  const handleUpgrade = createUpgradeHandler({ store, logger, timeoutMs: backendTimeoutMs, trustedProxies: isTrustedProxy, metrics, analytics });
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = options.requestTimeoutMs ?? 30_000;

  // In-flight responses, so a drain can close each keep-alive connection as
  // soon as its response ends instead of waiting for the client's idle timeout.
  // Kept on each socket (kInFlight, kCurrent below), the sockets in a set changed once per
  // connection: a Set or WeakMap added to and deleted from on every request promoted every
  // request's objects into the old generation. V8 rehashes such a table every few hundred
  // requests; the old table, once promoted, still points to its successor and entries, so each
  // scavenge kept the in-flight responses (and all they reference) alive until a Mark-Compact.
  const connections = new Set<TrackedSocket>();
  const inFlightOf = (socket: TrackedSocket): http.ServerResponse[] => {
    let list = socket[kInFlight];
    if (!list) {
      list = socket[kInFlight] = [];
      connections.add(socket);
      socket.once("close", () => connections.delete(socket));
    }
    return list;
  };
  let draining = false;
  const closeWhenDone = (res: http.ServerResponse) => {
    res.shouldKeepAlive = false; // effective if headers are not sent yet: "Connection: close"
    res.once("finish", () => setImmediate(() => listeners.forEach((s) => s.closeIdleConnections())));
  };
  // socket[kCurrent]: the response a socket is busy with, so a request timeout can be answered
  // through it. Forgotten once it closes: kept until the socket's next request, the last response
  // of every idle keep-alive connection (and all it references, the backend's response
  // included) would outlive its request, through minor GCs and into the old generation.
  // Upgraded sockets leave the server's bookkeeping: closeAllConnections() would not end them.
  const tunnels = new Set<Socket>();
  // Node checks the deadlines only every connectionsCheckingInterval (30 s by default).
  const serverOptions = { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1000, Math.ceil(headersTimeout / 4)) };
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket: TrackedSocket = req.socket;
    socket[kCurrent] = res;
    const inFlight = inFlightOf(socket);
    inFlight.push(res);
    // Emitted once: "on" spares the wrapper "once" makes.
    res.on("close", () => {
      const at = inFlight.indexOf(res);
      if (at !== -1) inFlight.splice(at, 1);
      if (socket[kCurrent] === res) socket[kCurrent] = undefined;
    });
    if (draining) closeWhenDone(res);
    handleRequest(req, res);
  };
  const onUpgrade = (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    tunnels.add(socket);
    socket.once("close", () => tunnels.delete(socket));
    handleUpgrade(req, socket, head);
  };
  // Malformed HTTP and missed deadlines never reach the handler (or interrupt it);
  // answer in the same JSON shape and drop the socket.
  const onClientError = (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || err.code === "ECONNRESET") return void socket.destroy();
    const code = err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "request_timeout" : "bad_request";
    const res = (socket as TrackedSocket)[kCurrent];
    if (res && !res.writableEnded) {
      // The body was still arriving: answer through the response, so the access log says 408.
      if (res.headersSent) return void socket.destroy();
      res.shouldKeepAlive = false;
      res.once("finish", () => socket.destroy());
      return sendError(res, code);
    }
    writeSocketRejection(socket, rejection(code, undefined, code === "bad_request" ? "Malformed HTTP request." : undefined));
  };
  const server = http.createServer(serverOptions, onRequest);
  const httpsListener = options.https ? createHttpsListener({ options: options.https, secretsKey: options.secretsKey, serverOptions, logger }) : null;
  // Both listeners serve the same requests with the same policies.
  const listeners: (http.Server | https.Server)[] = [server];
  if (httpsListener) {
    httpsListener.server.on("request", onRequest);
    listeners.push(httpsListener.server);
    // Plain-HTTP requests of APIs served over HTTPS only are redirected to this listener.
    server.on("connection", (socket: Socket) => rememberHttpsRedirectPort(socket, () => httpsListener.redirectPort()));
  }
  for (const listener of listeners) {
    listener.on("upgrade", onUpgrade);
    listener.on("clientError", onClientError);
  }

  let closing: Promise<void> | null = null;

  return {
    server,
    httpsServer: httpsListener?.server ?? null,
    httpsPort: () => httpsListener?.port() ?? null,
    currentVersion: () => store.version(),
    instanceId,
    readiness,
    metrics,
    metricsPort: () => metricsServer?.port ?? null,
    limiterStats: () => ({ ...limiter.stats }),

    async listen(port = 0, host?: string) {
      logger.info({ policies: pipeline.describe() }, "policy pipeline");
      if (options.metricsPort != null) metricsServer = await startMetricsServer(metrics.registry, options.metricsPort, options.metricsHost);
      await Promise.all([subscriber.start(), limiter.ready(2000)]);
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve();
        });
      });
      await httpsListener?.start();
      await heartbeat.start(); // registered once it accepts connections
      return (server.address() as AddressInfo).port;
    },

    close(graceMs = 10_000) {
      closing ??= (async () => {
        await heartbeat.stop(); // off the console's list first: a stopping gateway is not "silent"
        draining = true;
        for (const socket of connections) for (const res of [...(socket[kInFlight] ?? [])]) closeWhenDone(res);
        const open = listeners.filter((s) => s.listening);
        if (open.length > 0) {
          const closed = Promise.all(open.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
          for (const s of open) s.closeIdleConnections();
          const force = setTimeout(() => {
            for (const s of open) s.closeAllConnections();
            for (const socket of tunnels) socket.destroy();
          }, graceMs);
          await closed;
          clearTimeout(force);
        }
        forwarder.close();
        backends.close();
        // Every response has closed, so every record is in: the last batches leave now.
        await Promise.all([subscriber.stop(), limiter.close(), metricsServer?.close(), analytics?.close()]);
      })();
      return closing;
    },
  };
}
