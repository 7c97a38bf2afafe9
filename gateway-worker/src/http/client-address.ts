// Who is calling, for the IP filter (and anything else keyed by address): the
// socket's peer, unless that peer is a trusted proxy (GATEWAY_TRUSTED_PROXIES).
// Then X-Forwarded-For is read from the right, skipping trusted hops, and the
// first address no trusted proxy vouches for is the client. Entries a client
// prepends itself sit left of that and are never believed.
import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";
import { normaliseAddress, type TrustedProxies } from "./trusted-proxies.js";

export function clientAddress(req: IncomingMessage, isTrusted: TrustedProxies): string | undefined {
  const peer = req.socket.remoteAddress;
  if (peer === undefined) return undefined;
  if (!isTrusted(peer)) return normaliseAddress(peer);
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((hop) => hop.trim());
  let client = normaliseAddress(peer);
  for (let i = hops.length - 1; i >= 0; i--) {
    // A hop that is not an address ("unknown", garbage) ends the chain: stop at the last one we could believe.
    if (!ipaddr.isValid(hops[i])) break;
    client = normaliseAddress(hops[i]);
    if (!isTrusted(client)) break;
  }
  return client;
}
