// A tiny backend that records what it receives and echoes it back as JSON.
// ".../hang" never answers (timeouts, aborts); ".../slow" answers after 300 ms
// (graceful shutdown must let it finish); ".../hop" answers with hop-by-hop
// headers a gateway must not relay; ".../switch" answers 101 to a plain request
// (".../switch-bare" without an Upgrade header). WebSocket upgrades are accepted
// (except ".../hang") and echo every message back as "echo:<message>".
import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { WebSocketServer } from "ws";

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** Bytes of the request body, once fully read. */
  bodyLength?: number;
}

export interface TestBackend {
  readonly port: number;
  readonly url: string;
  readonly received: ReceivedRequest[];
  close(): Promise<void>;
}

const HOP_BY_HOP_ANSWER = {
  "content-type": "application/json",
  connection: "x-backend-secret",
  "x-backend-secret": "internal",
  "keep-alive": "timeout=5",
  "proxy-authenticate": "Basic",
  trailer: "x-checksum",
  upgrade: "h2c",
};

function answerSwitch(socket: Socket, withUpgradeHeader: boolean) {
  const upgrade = withUpgradeHeader ? "Upgrade: websocket\r\nConnection: Upgrade\r\n" : "";
  socket.write(`HTTP/1.1 101 Switching Protocols\r\n${upgrade}\r\n`); // then silence, as a confused backend does
}

export async function startBackend(name = "backend"): Promise<TestBackend> {
  const received: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const record: ReceivedRequest = { method: req.method ?? "", url: req.url ?? "", headers: req.headers };
    received.push(record);
    if (req.url?.includes("/hang")) return; // never answers
    if (req.url?.includes("/switch")) return answerSwitch(req.socket, !req.url.includes("/switch-bare"));
    let bodyLength = 0;
    req.on("data", (chunk: Buffer) => (bodyLength += chunk.length));
    req.on("end", () => {
      record.bodyLength = bodyLength;
      const body = JSON.stringify({ backend: name, ...record });
      const answer = () => {
        const extra = req.url?.includes("/hop") ? HOP_BY_HOP_ANSWER : { "content-type": "application/json" };
        res.writeHead(200, { ...extra, "x-backend": name });
        res.end(body);
      };
      if (req.url?.includes("/slow")) setTimeout(answer, 300);
      else answer();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    if (req.url?.includes("/hang")) return; // never completes the handshake
    wss.handleUpgrade(req, socket, head, (ws) => ws.on("message", (data) => ws.send(`echo:${data.toString()}`)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        for (const socket of sockets) socket.destroy(); // upgraded sockets are no longer the server's
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
