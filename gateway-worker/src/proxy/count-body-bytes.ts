// Measures a streamed (chunked) request body on its way to the backend, so a
// body size limit holds without reading the body whole. It listens beside the
// pipe to the backend rather than sitting in it: a stream between the two
// would start writing before http-proxy may still set the request's headers.
// Past the limit, `onExceeded` answers 413 and cuts the backend request, so the
// backend never receives the body complete.
import type { IncomingMessage } from "node:http";

export function watchBodyBytes(req: IncomingMessage, limit: number, onExceeded: () => void): void {
  let seen = 0;
  const onData = (chunk: Buffer) => {
    seen += chunk.length;
    if (seen <= limit) return;
    req.off("data", onData);
    onExceeded();
  };
  req.on("data", onData);
}
