// Assembles a gateway from its parts. Kept free of process-level concerns
// (env, signals, exit) so tests can start several gateways in one process.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { pino, type Logger } from "pino";
import { compileConfig } from "./config/compile-config.js";
import { ConfigStore } from "./config/config-store.js";
import { ConfigSubscriber } from "./config/config-subscriber.js";
import { rejection, sendError, writeSocketRejection } from "./http/errors.js";
import { trustedProxies } from "./http/trusted-proxies.js";
import { Pipeline } from "./pipeline/pipeline.js";
import { defaultPolicies } from "./policies/index.js";
import type { AnyPolicy } from "./policies/policy.js";
import { createForwarder } from "./proxy/forwarder.js";
import { createRequestHandler } from "./request-handler.js";
import { createUpgradeHandler } from "./upgrade-handler.js";

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
  logger?: Logger;
  policies?: readonly AnyPolicy[];
}

export interface Gateway {
  readonly server: http.Server;
  /** Loads the current config (cold start), then accepts connections. Resolves to the bound port. */
  listen(port?: number, host?: string): Promise<number>;
  /** Stops accepting, lets in-flight requests finish (at most `graceMs`), then releases Redis. */
  close(graceMs?: number): Promise<void>;
  currentVersion(): number | null;
}

export function createGateway(options: GatewayOptions): Gateway {
  const logger = options.logger ?? pino({ level: "silent" });
  const pipeline = new Pipeline(options.policies ?? defaultPolicies);
  const store = new ConfigStore((snapshot) => compileConfig(snapshot, pipeline), logger);
  const subscriber = new ConfigSubscriber({
    redisUrl: options.redisUrl,
    prefix: options.prefix,
    pollIntervalMs: options.pollIntervalMs ?? 30_000,
    store,
    logger,
  });
  const backendTimeoutMs = options.backendTimeoutMs ?? 30_000;
  const isTrustedProxy = trustedProxies(options.trustedProxies ?? []);
  const forwarder = createForwarder({ timeoutMs: backendTimeoutMs, logger, trustedProxies: isTrustedProxy });
  const handleRequest = createRequestHandler({ store, forwarder, logger });
  const handleUpgrade = createUpgradeHandler({ store, logger, timeoutMs: backendTimeoutMs, trustedProxies: isTrustedProxy });
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = options.requestTimeoutMs ?? 30_000;

  // In-flight responses, so a drain can close each keep-alive connection as
  // soon as its response ends instead of waiting for the client's idle timeout.
  const inFlight = new Set<http.ServerResponse>();
  let draining = false;
  const closeWhenDone = (res: http.ServerResponse) => {
    res.shouldKeepAlive = false; // effective if headers are not sent yet: "Connection: close"
    res.once("finish", () => setImmediate(() => server.closeIdleConnections()));
  };
  // The response a socket is busy with, so a request timeout can be answered through it.
  const current = new WeakMap<Socket, http.ServerResponse>();
  // Upgraded sockets leave the server's bookkeeping: closeAllConnections() would not end them.
  const tunnels = new Set<Socket>();
  const server = http.createServer(
    // Node checks the deadlines only every connectionsCheckingInterval (30 s by default).
    { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1000, Math.ceil(headersTimeout / 4)) },
    (req, res) => {
      current.set(req.socket, res);
      inFlight.add(res);
      res.once("close", () => inFlight.delete(res));
      if (draining) closeWhenDone(res);
      handleRequest(req, res);
    },
  );
  server.on("upgrade", (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    tunnels.add(socket);
    socket.once("close", () => tunnels.delete(socket));
    handleUpgrade(req, socket, head);
  });
  // Malformed HTTP and missed deadlines never reach the handler (or interrupt it);
  // answer in the same JSON shape and drop the socket.
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || err.code === "ECONNRESET") return void socket.destroy();
    const code = err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "request_timeout" : "bad_request";
    const res = current.get(socket);
    if (res && !res.writableEnded) {
      // The body was still arriving: answer through the response, so the access log says 408.
      if (res.headersSent) return void socket.destroy();
      res.shouldKeepAlive = false;
      res.once("finish", () => socket.destroy());
      return sendError(res, code);
    }
    writeSocketRejection(socket, rejection(code, undefined, code === "bad_request" ? "Malformed HTTP request." : undefined));
  });

  let closing: Promise<void> | null = null;

  return {
    server,
    currentVersion: () => store.version(),

    async listen(port = 0, host?: string) {
      logger.info({ policies: pipeline.describe() }, "policy pipeline");
      await subscriber.start();
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    },

    close(graceMs = 10_000) {
      closing ??= (async () => {
        draining = true;
        for (const res of inFlight) closeWhenDone(res);
        if (server.listening) {
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeIdleConnections();
          const force = setTimeout(() => {
            server.closeAllConnections();
            for (const socket of tunnels) socket.destroy();
          }, graceMs);
          await closed;
          clearTimeout(force);
        }
        forwarder.close();
        await subscriber.stop();
      })();
      return closing;
    },
  };
}
