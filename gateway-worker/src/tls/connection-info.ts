// What policies may know about the connection a request came on: whether it is
// TLS, the client's certificate chain if it sent one, and where the HTTPS
// listener is (for redirects from plain HTTP). Parsed once per connection: a
// keep-alive connection carries many requests but one handshake.
import { X509Certificate } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import type { DetailedPeerCertificate, TLSSocket } from "node:tls";
import type { TrustedProxies } from "../http/trusted-proxies.js";

export interface PresentedCertificates {
  readonly leaf: X509Certificate;
  /** What the client sent beyond its leaf (intermediates), in its order. */
  readonly chain: readonly X509Certificate[];
}

export interface ConnectionInfo {
  /**
   * The client used HTTPS: to the gateway's own listener, or to a trusted proxy that terminated TLS
   * and says so (X-Forwarded-Proto: https), so a redirect to https cannot loop behind a load balancer.
   */
  readonly secure: boolean;
  /** Port plain-HTTP requests are redirected to (omitted from the URL when 443); null: no HTTPS listener. */
  readonly httpsRedirectPort: number | null;
  /** The client's certificates, null when it sent none (or the connection is plain). */
  presentedCertificates(): PresentedCertificates | null;
}

const redirectPortOf = new WeakMap<Socket, () => number | null>();
const presentedOf = new WeakMap<Socket, PresentedCertificates | null>();

/** Called by the plain-HTTP listener for each connection it accepts. */
export function rememberHttpsRedirectPort(socket: Socket, port: () => number | null): void {
  redirectPortOf.set(socket, port);
}

function isTls(socket: Socket): socket is TLSSocket {
  return (socket as Partial<TLSSocket>).encrypted === true;
}

function readPresented(socket: TLSSocket): PresentedCertificates | null {
  const peer = socket.getPeerCertificate(true) as DetailedPeerCertificate | Record<string, never>;
  if (!peer || !("raw" in peer) || !peer.raw) return null;
  const leaf = new X509Certificate(peer.raw);
  const chain: X509Certificate[] = [];
  // issuerCertificate links end on a self-reference (a root); bound the walk anyway.
  const seen = new Set([peer.fingerprint256]);
  for (let next = peer.issuerCertificate; next?.raw && !seen.has(next.fingerprint256) && chain.length < 10; next = next.issuerCertificate) {
    seen.add(next.fingerprint256);
    chain.push(new X509Certificate(next.raw));
  }
  return { leaf, chain };
}

/** The value the nearest proxy set (the right-most): the protocol it was itself called with. */
function forwardedProto(headers: IncomingHttpHeaders): string | undefined {
  const raw = headers["x-forwarded-proto"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  return value?.split(",").at(-1)?.trim().toLowerCase();
}

export function connectionInfo(req: IncomingMessage, isTrustedProxy: TrustedProxies = () => false): ConnectionInfo {
  const socket = req.socket;
  const tls = isTls(socket);
  return {
    secure: tls || (isTrustedProxy(socket.remoteAddress) && forwardedProto(req.headers) === "https"),
    httpsRedirectPort: redirectPortOf.get(socket)?.() ?? null,
    presentedCertificates() {
      // Only the gateway's own handshake proves a certificate: a proxy's word is not enough for mTLS.
      if (!tls) return null;
      if (!presentedOf.has(socket)) presentedOf.set(socket, readPresented(socket));
      return presentedOf.get(socket) ?? null;
    },
  };
}
