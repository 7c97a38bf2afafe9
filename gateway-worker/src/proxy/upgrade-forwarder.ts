// Tunnels an admitted WebSocket upgrade to one backend with node:http rather
// than http-proxy's ws path, which has no timeout, relays a refused upgrade's
// chunked body without its framing and drops non-GET upgrades silently. Until
// the backend answers 101 the usual rules hold (JSON 502/504, backend timeout);
// after it, bytes flow both ways until either side closes. Never throws.
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { Duplex } from "node:stream";
import type { Logger } from "pino";
import type { CompiledBackend } from "../config/compile-config.js";
import { rejection, writeSocketRejection } from "../http/errors.js";
import { stripHopByHop } from "../http/hop-by-hop.js";

export interface UpgradeTarget {
  backend: CompiledBackend;
  /** Path and query for the backend, as upstreamPath builds it. */
  path: string;
  /** Sent with the 101 or any error: x-request-id, lifecycle headers. */
  responseHeaders: Record<string, string>;
  /** Called once with the status the client was sent (101 when the tunnel opened), and the gateway's refusal if it answered itself. */
  onAnswer(status: number, refusal?: SocketRefusal): void;
}

/** An error the gateway wrote on the socket itself: its code and the size of its body. */
export interface SocketRefusal {
  code: string;
  bodyBytes: number;
}

function headBlock(statusLine: string, headers: Record<string, string | string[] | undefined>): string {
  const lines = [statusLine];
  for (const [name, value] of Object.entries(headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) lines.push(`${name}: ${v}`);
  }
  return `${lines.join("\r\n")}\r\n\r\n`;
}

/** End-to-end headers of a backend's answer, plus the gateway's own. */
function answerHeaders(proxyRes: IncomingMessage, extra: Record<string, string>) {
  const headers = { ...proxyRes.headers };
  stripHopByHop(headers);
  return { ...headers, ...extra };
}

export function forwardUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, target: UpgradeTarget, opts: { timeoutMs: number; logger: Logger }) {
  const { backend, responseHeaders } = target;
  const headers = { ...req.headers, connection: "Upgrade", upgrade: "websocket" };
  delete headers.host; // the backend's own Host, from the URL
  const client = backend.protocol === "https:" ? https : http;
  const proxyReq = client.request(`${backend.origin}${target.path}`, { method: "GET", headers, timeout: opts.timeoutMs, agent: false });
  let answered = false;
  const refuse = (code: "backend_timeout" | "backend_unavailable", reason: string) => {
    if (answered) return;
    answered = true;
    opts.logger.warn({ backend: backend.origin, code, reason }, "backend upgrade failed");
    const answer = rejection(code);
    target.onAnswer(answer.status, { code, bodyBytes: writeSocketRejection(socket, answer, responseHeaders) });
  };

  if (head.length > 0) socket.unshift(head); // sent on to the backend once the tunnel is open
  socket.on("close", () => proxyReq.destroy());
  proxyReq.on("timeout", () => {
    refuse("backend_timeout", "no answer to the upgrade");
    proxyReq.destroy();
  });
  proxyReq.on("error", (err: NodeJS.ErrnoException) => refuse("backend_unavailable", err.code ?? err.message));

  proxyReq.on("upgrade", (proxyRes, proxySocket, proxyHead) => {
    answered = true;
    target.onAnswer(101);
    proxySocket.setTimeout(0); // a quiet WebSocket is not a dead backend
    proxySocket.on("error", () => socket.destroy());
    socket.on("error", () => proxySocket.destroy());
    proxySocket.on("close", () => socket.destroy());
    socket.on("close", () => proxySocket.destroy());
    if (socket.destroyed) return void proxySocket.destroy();
    const extra = { ...responseHeaders, connection: "Upgrade", upgrade: String(proxyRes.headers.upgrade ?? "websocket") };
    socket.write(headBlock("HTTP/1.1 101 Switching Protocols", answerHeaders(proxyRes, extra)));
    if (proxyHead.length > 0) socket.write(proxyHead);
    proxySocket.pipe(socket).pipe(proxySocket);
  });

  // The backend refused to switch: relay its answer, delimited by closing the connection.
  proxyReq.on("response", (proxyRes) => {
    answered = true;
    target.onAnswer(proxyRes.statusCode ?? 502);
    const extra = { ...responseHeaders, connection: "close" };
    const relayed = answerHeaders(proxyRes, extra);
    delete relayed["content-length"];
    socket.write(headBlock(`HTTP/1.1 ${proxyRes.statusCode} ${proxyRes.statusMessage ?? ""}`, relayed));
    proxyRes.on("error", () => socket.destroy());
    proxyRes.pipe(socket);
  });
  proxyReq.end();
}
