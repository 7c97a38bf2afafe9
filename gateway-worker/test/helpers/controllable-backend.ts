// A backend a test can break and mend: it answers `status` (200 by default)
// with its name, its health path answers `healthStatus`, and it can be stopped
// and started again on the same port (a crash and a recovery). "/hang" never
// answers. Over https with `tls`; `requireClientCert` asks for a client
// certificate signed by `tls.clientCa` and reports its subject in the answer.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import type { AddressInfo, Socket } from "node:net";
import type { TLSSocket } from "node:tls";

export interface ControllableBackend {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  /** Requests answered, health checks excluded. */
  hits: number;
  healthChecks: number;
  status: number;
  healthStatus: number;
  /** Every request's headers, health checks excluded. */
  readonly received: { method: string; url: string; headers: http.IncomingHttpHeaders }[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

export interface BackendTlsOptions {
  cert: string;
  key: string;
  /** When set, a client certificate signed by it is required. */
  clientCa?: string;
}

export const HEALTH_PATH = "/health";

export async function startControllableBackend(name: string, tls?: BackendTlsOptions): Promise<ControllableBackend> {
  let server: http.Server | https.Server;
  const sockets = new Set<Socket>();
  let port = 0;

  const backend: ControllableBackend = {
    name,
    get url() {
      return `${tls ? "https" : "http"}://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    hits: 0,
    healthChecks: 0,
    status: 200,
    healthStatus: 200,
    received: [],
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
    start: () => listen(port),
  };

  function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.url === HEALTH_PATH) {
      backend.healthChecks++;
      res.writeHead(backend.healthStatus).end();
      return;
    }
    backend.hits++;
    backend.received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    if (req.url?.includes("/hang")) return;
    const peer = tls?.clientCa ? (req.socket as TLSSocket).getPeerCertificate().subject?.CN : undefined;
    req.resume();
    req.on("end", () => {
      res.writeHead(backend.status, { "content-type": "application/json", "x-backend": name });
      res.end(JSON.stringify({ backend: name, clientCertificate: peer ?? null }));
    });
  }

  async function listen(onPort: number) {
    server = tls
      ? https.createServer({ cert: tls.cert, key: tls.key, ...(tls.clientCa ? { ca: tls.clientCa, requestCert: true, rejectUnauthorized: true } : {}) }, handle)
      : http.createServer(handle);
    server.on("connection", (socket: Socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    server.on("tlsClientError", () => undefined); // a gateway with the wrong CA hangs up mid-handshake
    await new Promise<void>((resolve) => server.listen(onPort, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  }

  await listen(0);
  return backend;
}
