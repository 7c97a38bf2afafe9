#!/usr/bin/env node
// The console's production server: Next's request handler behind node:http with bounds that
// `next start` does not expose. A body trickled at 1 byte/s is cut off, and a request whose URL or
// headers are too big gets a JSON error (the management API's shape) instead of a reset.
import { STATUS_CODES, createServer } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ipaddr from "ipaddr.js";

export const defaultLimits = {
  /** Whole request (headers and body) must arrive within this; big spec uploads fit easily. */
  requestTimeoutMs: 60_000,
  headersTimeoutMs: 20_000,
  /** Node's default, stated: request line plus headers. */
  maxHeaderSize: 16 * 1024,
  /** How often Node looks for requests past their deadline (its default is 30 s). */
  checkIntervalMs: 2_000,
};

const REQUEST_LINE = /^[A-Z]+ [^\r\n]*$/;

/** The status, code and message for an error Node's HTTP parser or timer raised on a socket. */
export function clientErrorAnswer(err) {
  if (err.code === "ERR_HTTP_REQUEST_TIMEOUT") return [408, "request_timeout", "The request was not received in time"];
  if (err.code === "HPE_HEADER_OVERFLOW") {
    // The parser counts the request line with the headers; a chunk that is still inside the request line means the URL.
    const seen = Buffer.isBuffer(err.rawPacket) ? err.rawPacket.toString("latin1") : "";
    return REQUEST_LINE.test(seen)
      ? [414, "uri_too_long", "The URL is too long"]
      : [431, "headers_too_large", "The request headers are too large"];
  }
  return [400, "bad_request", "The request is not valid HTTP"];
}

/** `TRUSTED_PROXIES` (comma-separated addresses or CIDRs) as a predicate on a socket's peer address. */
export function trustedPeer(list = "") {
  const ranges = list.split(",").map((s) => s.trim()).filter(Boolean).map((entry) => (entry.includes("/") ? ipaddr.parseCIDR(entry) : [ipaddr.parse(entry), entry.includes(":") ? 128 : 32]));
  return (peer) => {
    if (!peer || !ipaddr.isValid(peer)) return false;
    const address = ipaddr.process(peer);
    return ranges.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
  };
}

/**
 * Next only fills `x-forwarded-for` when the request has none, so a client could name its own
 * address (and pick its own sign-in throttle bucket). Here the socket's peer always ends the
 * chain; what came before it is kept only when that peer is a trusted proxy.
 */
export function forwardedForFromSocket(req, isTrusted) {
  const peer = req.socket.remoteAddress ?? "";
  const chain = req.headers["x-forwarded-for"];
  req.headers["x-forwarded-for"] = isTrusted(peer) && chain ? `${chain}, ${peer}` : peer;
  if (!isTrusted(peer)) delete req.headers["x-real-ip"];
}

export function createConsoleServer(handler, limits = defaultLimits) {
  const server = createServer(
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      maxHeaderSize: limits.maxHeaderSize,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    handler,
  );
  server.on("clientError", (err, socket) => {
    // As Node's own fallback: answer only while nothing of a response has been sent on this socket.
    const answerable = socket.writable && !socket._httpMessage?.headersSent;
    if (err.code === "ECONNRESET" || !answerable) return socket.destroy();
    const [status, code, message] = clientErrorAnswer(err);
    const body = JSON.stringify({ error: { code, message } });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  return server;
}

async function main() {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
  // As `next start` does: a production server runs React's and Next's production builds.
  process.env.NODE_ENV ??= "production";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir, hostname: "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // No host: every interface, IPv4 and IPv6, as `next start` listens (localhost may resolve to ::1).
  const isTrusted = trustedPeer(process.env.TRUSTED_PROXIES);
  createConsoleServer((req, res) => {
    forwardedForFromSocket(req, isTrusted);
    return handle(req, res);
  }).listen(port, () => {
    console.log(`[console] ready on port ${port}`);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
