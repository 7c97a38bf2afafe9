// Hop-by-hop headers (RFC 9110 §7.6.1) describe one connection, not the
// message: the gateway drops them on arrival from the client and from the
// backend, together with every header either side names in Connection, so a
// client cannot pass a "connection-only" header through to the backend (or
// have one the gateway relies on removed further down the line).
import type { IncomingHttpHeaders } from "node:http";

const STANDARD = [
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection", // never standard, still sent by old clients
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
];

/** Message framing: naming these in Connection must not make a body lose its length. */
const NEVER_NOMINATED = new Set(["content-length", "host"]);

/** What clients send almost always, naming only headers STANDARD removes anyway: nothing to parse. */
const NAMES_NOTHING = new Set(["keep-alive", "Keep-Alive", "upgrade", "Upgrade"]);

function nominated(connection: string | string[] | undefined): string[] {
  if (connection === undefined || (typeof connection === "string" && NAMES_NOTHING.has(connection))) return [];
  const values = Array.isArray(connection) ? connection : connection === undefined ? [] : [connection];
  return values
    .flatMap((v) => v.split(","))
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== "" && !NEVER_NOMINATED.has(token));
}

const STANDARD_SET: ReadonlySet<string> = new Set(STANDARD);

/** The names stripHopByHop would remove from headers with this Connection value (the standard set itself when it names nothing more). */
export function hopByHopNames(connection: string | string[] | undefined): ReadonlySet<string> {
  const named = nominated(connection);
  return named.length === 0 ? STANDARD_SET : new Set([...STANDARD, ...named]);
}

/** Removes, in place, the standard hop-by-hop headers and those named in Connection. */
export function stripHopByHop(headers: IncomingHttpHeaders): void {
  for (const name of nominated(headers.connection)) delete headers[name];
  for (const name of STANDARD) delete headers[name];
}

/**
 * As stripHopByHop, for a request the gateway will forward. Node accepts
 * Transfer-Encoding only when the body is chunked, and forwards it as read: a
 * chunked body stays chunked on the next hop, because without any length a
 * GET's or DELETE's body would reach the backend unframed, as a second request.
 */
export function stripRequestHopByHop(headers: IncomingHttpHeaders): { chunked: boolean } {
  const chunked = headers["transfer-encoding"] !== undefined;
  stripHopByHop(headers);
  if (chunked) headers["transfer-encoding"] = "chunked";
  return { chunked };
}
