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
  const peer = req.socket.remoteAddress === undefined ? "unknown" : normaliseAddress(req.socket.remoteAddress);
  const proto = (req.socket as TLSSocket).encrypted ? "https" : "http";
  const host = firstHeaderValue(headers, "host");
  const port = String(req.socket.localPort ?? "");
  const element = [`for=${forwardedNode(peer)}`, host ? `host=${quoted(host)}` : "", `proto=${proto}`].filter(Boolean).join(";");

  const trusted = isTrusted(req.socket.remoteAddress);
  const previous = Object.fromEntries(FORWARDING.map((name) => [name, trusted ? joined(headers[name]) : undefined]));
  for (const name of FORWARDING) delete headers[name];

  headers["x-forwarded-for"] = previous["x-forwarded-for"] ? `${previous["x-forwarded-for"]}, ${peer}` : peer;
  headers["forwarded"] = previous.forwarded ? `${previous.forwarded}, ${element}` : element;
  // The outermost proxy's view of the original request wins.
  headers["x-forwarded-proto"] = previous["x-forwarded-proto"] ?? proto;
  headers["x-forwarded-port"] = previous["x-forwarded-port"] ?? port;
  headers["x-real-ip"] = previous["x-real-ip"] ?? peer;
  const forwardedHost = previous["x-forwarded-host"] ?? host;
  if (forwardedHost !== undefined) headers["x-forwarded-host"] = forwardedHost;
}
