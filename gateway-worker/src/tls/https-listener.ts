// The HTTPS listener: the same request, upgrade and error handlers as the plain
// listener (server.ts wires them), TLS 1.2 or newer, and a client certificate
// asked of every client but never required by the handshake: whether one is
// needed, and which CAs it must chain to, is decided per API by the
// client-certificate policy. It listens once it has a certificate (from files
// at start, or from the console whenever one arrives) and swaps certificates
// without dropping a connection.
import https from "node:https";
import type { ServerOptions } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { GatewayTlsCertificate } from "../contract/api-tls.js";
import { ServerCertificate } from "./server-certificate.js";

export interface HttpsOptions {
  /** GATEWAY_HTTPS_PORT (0: any free port, for tests). */
  port: number;
  host?: string;
  /** GATEWAY_TLS_CERT_FILE / GATEWAY_TLS_KEY_FILE: PEM, leaf first; the key unencrypted. */
  certFile?: string;
  keyFile?: string;
  /** Where plain-HTTP requests are redirected, when a load balancer maps another port (default: the bound port). */
  redirectPort?: number;
}

export interface HttpsListener {
  readonly server: https.Server;
  /** Called with each applied snapshot's certificate. */
  offer(tls: GatewayTlsCertificate | null | undefined): void;
  /** Listens now if a certificate is known, otherwise as soon as one arrives. */
  start(): Promise<void>;
  port(): number | null;
  redirectPort(): number;
}

export function createHttpsListener(deps: {
  options: HttpsOptions;
  secretsKey?: Buffer;
  serverOptions: ServerOptions;
  logger: Logger;
}): HttpsListener {
  const { options, logger } = deps;
  let wanted = false;
  let listening: Promise<void> | null = null;

  const certificate = new ServerCertificate({
    certFile: options.certFile,
    keyFile: options.keyFile,
    secretsKey: deps.secretsKey,
    logger,
    onChange(next, source) {
      // Only handshakes from now on use it; open connections keep theirs.
      server.setSecureContext({ ...next, minVersion: "TLSv1.2" });
      logger.info({ source }, "HTTPS certificate applied");
      if (wanted) void listen().catch(() => undefined);
    },
  });

  const initial = certificate.current();
  const server = https.createServer({
    ...deps.serverOptions,
    ...(initial ?? {}),
    minVersion: "TLSv1.2",
    requestCert: true,
    rejectUnauthorized: false,
    handshakeTimeout: deps.serverOptions.headersTimeout,
  });
  server.on("tlsClientError", (err: NodeJS.ErrnoException) => logger.debug({ code: err.code, err: err.message }, "TLS handshake refused"));

  function listen(): Promise<void> {
    listening ??= new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, options.host, () => {
        server.off("error", reject);
        logger.info({ port: (server.address() as AddressInfo).port }, "HTTPS listening");
        resolve();
      });
    }).catch((err: Error) => {
      logger.error({ err: err.message, port: options.port }, "HTTPS listener failed to start");
      throw err;
    });
    return listening;
  }

  return {
    server,
    offer: (tls) => certificate.offer(tls),
    async start() {
      wanted = true;
      if (certificate.current()) await listen();
      else logger.warn("no TLS certificate yet (files or console); HTTPS starts listening when one arrives");
    },
    port: () => (server.listening ? (server.address() as AddressInfo).port : null),
    redirectPort: () => options.redirectPort ?? (server.listening ? (server.address() as AddressInfo).port : options.port),
  };
}
