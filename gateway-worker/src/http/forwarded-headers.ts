// Tells the backend who called and how: X-Forwarded-For/-Proto/-Host/-Port,
// Forwarded (RFC 7239) and X-Real-IP. From an untrusted peer, whatever the
// client sent under those names is discarded and replaced by what the gateway
// saw; behind a trusted proxy, that proxy's values are kept and its address is
// appended to the chains.
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import { firstHeaderValue } from "./headers.js";
import { normaliseAddress, type TrustedProxies } from "./trusted-proxies.js";

const FORWARDING = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "forwarded", "x-real-ip"];

/** RFC 7239 quoted-string; IPv6 addresses go in brackets. */
const quoted = (value: string) => `"${value.replace(/[\\"]/g, "\\$&")}"`;
const forwardedNode = (address: string) => (address.includes(":") ? quoted(`[${address}]`) : address);

/** Node joins repeated headers with ", ", except a few it keeps as arrays. */
const joined = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(", ") : value);

export function setForwardingHeaders(req: IncomingMessage, isTrusted: TrustedProxies): void {
  const headers = req.headers;
  const socket = req.socket;
  const remote = socket.remoteAddress;
  const peer = remote === undefined ? "unknown" : normaliseAddress(remote);
  const proto = (socket as TLSSocket).encrypted ? "https" : "http";
  const host = firstHeaderValue(headers, "host");
  const port = String(socket.localPort ?? "");
  const element = host ? `for=${forwardedNode(peer)};host=${quoted(host)};proto=${proto}` : `for=${forwardedNode(peer)};proto=${proto}`;

  // From an untrusted peer (nearly always) nothing the client sent under these names is kept.
  const trusted = isTrusted(remote);
  const previous = (name: string) => (trusted ? joined(headers[name]) : undefined);
  const previousFor = previous("x-forwarded-for");
  const previousForwarded = previous("forwarded");
  const previousProto = previous("x-forwarded-proto");
  const previousPort = previous("x-forwarded-port");
  const previousRealIp = previous("x-real-ip");
  const previousHost = previous("x-forwarded-host");
  for (const name of FORWARDING) if (headers[name] !== undefined) delete headers[name];

  headers["x-forwarded-for"] = previousFor ? `${previousFor}, ${peer}` : peer;
  headers["forwarded"] = previousForwarded ? `${previousForwarded}, ${element}` : element;
  // The outermost proxy's view of the original request wins.
  headers["x-forwarded-proto"] = previousProto ?? proto;
  headers["x-forwarded-port"] = previousPort ?? port;
  headers["x-real-ip"] = previousRealIp ?? peer;
  const forwardedHost = previousHost ?? host;
  if (forwardedHost !== undefined) headers["x-forwarded-host"] = forwardedHost;
}
