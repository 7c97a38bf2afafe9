// Writes the backend's response to the client: status and end-to-end headers
// only (hop-by-hop ones, and those the backend names in Connection, describe
// the gateway's connection to the backend, not the client's), then the body.
// Node frames the body for the client's own connection.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { hopByHopNames, stripHopByHop } from "../http/hop-by-hop.js";
import { addResponseBodyBytes } from "../http/response-body-bytes.js";

/** A policy's change to the backend's headers (header rules, CORS), applied after hop-by-hop ones are gone. */
export type ResponseHeaderEdit = (headers: IncomingHttpHeaders) => void;

const NONE: ReadonlySet<string> = new Set();

export function relayResponse(proxyRes: IncomingMessage, res: ServerResponse, edits?: readonly ResponseHeaderEdit[]): void {
  if (res.headersSent || res.destroyed) return void proxyRes.destroy();
  // The backend's own headers stay as they came (the agent reads its Keep-Alive hint from them
  // once the response ends): without edits they are read past the hop-by-hop names, not copied.
  let headers: IncomingHttpHeaders = proxyRes.headers;
  let skip = hopByHopNames(headers.connection);
  if (edits && edits.length > 0) {
    headers = { ...headers };
    stripHopByHop(headers);
    for (const edit of edits) edit(headers);
    // An edit cannot bring a connection-only header back.
    stripHopByHop(headers);
    skip = NONE;
  }
  try {
    for (const name in headers) {
      const value = headers[name];
      if (value !== undefined && !skip.has(name)) res.setHeader(name, value);
    }
    res.writeHead(proxyRes.statusCode ?? 502, proxyRes.statusMessage);
  } catch {
    // A value Node will not write (e.g. a status text with control characters): the status code is enough.
    if (!res.headersSent) res.writeHead(proxyRes.statusCode ?? 502);
  }
  // A backend dying mid-body cuts the client's connection: the only honest signal once the status is out.
  // A client leaving mid-body releases the backend's response. The body is written chunk by chunk,
  // pausing while the client's socket is full: what pipe() does for one destination, without the
  // dozen listeners and closures it sets up per response. Each event fires at most once per
  // response, and both streams are dropped after it, so `on` rather than `once`'s wrappers.
  proxyRes.on("data", (chunk: Buffer) => {
    addResponseBodyBytes(res, chunk.byteLength);
    if (!res.write(chunk)) {
      proxyRes.pause();
      res.once("drain", () => proxyRes.resume());
    }
  });
  proxyRes.on("end", () => res.end());
  proxyRes.on("error", () => res.destroy());
  proxyRes.on("close", () => {
    if (!proxyRes.readableEnded) res.destroy();
  });
  res.on("close", () => {
    if (!proxyRes.readableEnded) proxyRes.destroy();
  });
}
