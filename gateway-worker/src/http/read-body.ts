// Reads a request body into memory, for the few policies that must see all of
// it (request validation). Bounded: past `limit` bytes it stops reading and
// answers null, so a huge body never fills the gateway's memory.
import type { IncomingMessage } from "node:http";

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const done = (result: Buffer | null) => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("aborted", onAborted);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        req.pause();
        return done(null);
      }
      chunks.push(chunk);
    };
    const onEnd = () => done(Buffer.concat(chunks, length));
    const onError = (err: Error) => reject(err);
    const onAborted = () => reject(new Error("client aborted the request body"));
    req.on("data", onData).once("end", onEnd).once("error", onError).once("aborted", onAborted);
  });
}
