// Counts the body bytes a request delivered to the gateway (analytics' bytesIn),
// whoever reads them: a policy buffering the body, the pipe to the backend, or
// nobody (a refused request's body is discarded unread). It counts what the HTTP
// parser pushes into the request stream, so it adds no "data" listener: that
// would start the body flowing before the forwarder is ready for it.
import type { IncomingMessage } from "node:http";

const NO_BODY = () => 0;

export function countRequestBodyBytes(req: IncomingMessage): () => number {
  // Neither a length nor chunks (nearly every GET): no body can arrive, nothing to count.
  const length = req.headers["content-length"];
  if (req.headers["transfer-encoding"] === undefined && (length === undefined || length === "0")) return NO_BODY;
  let bytes = 0;
  const push = req.push;
  req.push = function (this: IncomingMessage, chunk: unknown, encoding?: BufferEncoding) {
    if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
    else if (typeof chunk === "string") bytes += Buffer.byteLength(chunk, encoding);
    return push.call(this, chunk, encoding);
  };
  return () => {
    // Once discarded (Node dumps an unread body), the parser stops pushing; a complete request
    // with a declared length still received all of it.
    const declared = Number(req.headers["content-length"]);
    return req.complete && Number.isSafeInteger(declared) && declared > bytes ? declared : bytes;
  };
}
