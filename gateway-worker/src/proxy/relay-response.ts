// Writes the backend's response to the client: status and end-to-end headers
// only (hop-by-hop ones, and those the backend names in Connection, describe
// the gateway's connection to the backend, not the client's), then the body.
// Node frames the body for the client's own connection.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { stripHopByHop } from "../http/hop-by-hop.js";

/** A policy's change to the backend's headers (header rules, CORS), applied after hop-by-hop ones are gone. */
export type ResponseHeaderEdit = (headers: IncomingHttpHeaders) => void;

export function relayResponse(proxyRes: IncomingMessage, res: ServerResponse, edits: readonly ResponseHeaderEdit[] = []): void {
  if (res.headersSent || res.destroyed) return void proxyRes.destroy();
  const headers = { ...proxyRes.headers };
  stripHopByHop(headers);
  for (const edit of edits) edit(headers);
  // An edit cannot bring a connection-only header back.
  stripHopByHop(headers);
  try {
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    res.writeHead(proxyRes.statusCode ?? 502, proxyRes.statusMessage);
  } catch {
    // A value Node will not write (e.g. a status text with control characters): the status code is enough.
    if (!res.headersSent) res.writeHead(proxyRes.statusCode ?? 502);
  }
  // A backend dying mid-body cuts the client's connection: the only honest signal once the status is out.
  // A client leaving mid-body releases the backend's response. (pipe with these two listeners does what
  // stream.pipeline would, without its per-call AbortController.)
  proxyRes.once("error", () => res.destroy());
  proxyRes.once("close", () => {
    if (!proxyRes.readableEnded) res.destroy();
  });
  res.once("close", () => {
    if (!proxyRes.readableEnded) proxyRes.destroy();
  });
  proxyRes.pipe(res);
}
