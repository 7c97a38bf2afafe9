// Counts the body bytes a response sends its client (bytes quotas, analytics),
// however it is written: the relayed backend stream (proxy/relay-response.ts) or
// an error the gateway answers (http/errors.ts), the only two writers of a
// forwarded or refused request's body. They add what they write; readers ask
// once the response has closed. One counter per response, however many parts
// want the figure, and nothing wrapped or patched per request.
import type { ServerResponse } from "node:http";

const sent = Symbol("portcullis.responseBodyBytes");
type Counted = ServerResponse & { [sent]?: number };

/** Called by the writers with each body chunk's size, as they hand it to Node. */
export function addResponseBodyBytes(res: ServerResponse, bytes: number): void {
  (res as Counted)[sent] = ((res as Counted)[sent] ?? 0) + bytes;
}

/** The body bytes written to `res` so far. */
export function responseBodyBytes(res: ServerResponse): number {
  return (res as Counted)[sent] ?? 0;
}

/** Reports once, when the response ends or its connection closes. */
export function onResponseBodyBytes(res: ServerResponse, report: (bytes: number) => void): void {
  res.once("close", () => report(responseBodyBytes(res)));
}
