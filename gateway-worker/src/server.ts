// Assembles a gateway from its parts. Kept free of process-level concerns
// (env, signals, exit) so tests can start several gateways in one process.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pino, type Logger } from "pino";
import { compileConfig } from "./config/compile-config";
import { ConfigStore } from "./config/config-store";
import { ConfigSubscriber } from "./config/config-subscriber";
import { Pipeline } from "./pipeline/pipeline";
import { defaultPolicies } from "./policies";
import type { AnyPolicy } from "./policies/policy";
import { createForwarder } from "./proxy/forwarder";
import { createRequestHandler } from "./request-handler";

export interface GatewayOptions {
  redisUrl: string;
  /** CONFIG_CHANNEL_PREFIX: must match the console's. */
  prefix: string;
  pollIntervalMs?: number;
  backendTimeoutMs?: number;
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
  const forwarder = createForwarder({ timeoutMs: options.backendTimeoutMs ?? 30_000, logger });
  const handleRequest = createRequestHandler({ store, forwarder, logger });

  // In-flight responses, so a drain can close each keep-alive connection as
  // soon as its response ends instead of waiting for the client's idle timeout.
  const inFlight = new Set<http.ServerResponse>();
  let draining = false;
  const closeWhenDone = (res: http.ServerResponse) => {
    res.shouldKeepAlive = false; // effective if headers are not sent yet: "Connection: close"
    res.once("finish", () => setImmediate(() => server.closeIdleConnections()));
  };
  const server = http.createServer((req, res) => {
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
    if (draining) closeWhenDone(res);
    handleRequest(req, res);
  });
  // Malformed HTTP never reaches the handler; answer it in the same JSON shape and drop the socket.
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || err.code === "ECONNRESET") return void socket.destroy();
    const body = JSON.stringify({ error: { code: "bad_request", message: "Malformed HTTP request." } });
    socket.end(
      `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
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
          const force = setTimeout(() => server.closeAllConnections(), graceMs);
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
