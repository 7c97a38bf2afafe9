// Counts the body bytes a response sends its client (bytes quotas, analytics),
// however it is written: the relayed backend stream or an error the gateway
// answers. One counter per response, however many parts want the figure.
import type { ServerResponse } from "node:http";

const sizeOf = (chunk: unknown, encoding?: unknown): number => {
  if (typeof chunk === "string") return Buffer.byteLength(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  return chunk instanceof Uint8Array ? chunk.byteLength : 0;
};

const counters = new WeakMap<ServerResponse, { bytes: number }>();

/** Starts counting (once per response); the returned function reads the bytes written so far. */
export function countResponseBodyBytes(res: ServerResponse): () => number {
  const existing = counters.get(res);
  if (existing) return () => existing.bytes;
  const counter = { bytes: 0 };
  counters.set(res, counter);
  const write = res.write;
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    counter.bytes += sizeOf(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== "function") counter.bytes += sizeOf(chunk, rest[0]);
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse["end"];
  return () => counter.bytes;
}

/** Reports once, when the response ends or its connection closes. */
export function onResponseBodyBytes(res: ServerResponse, report: (bytes: number) => void): void {
  const bytes = countResponseBodyBytes(res);
  res.once("close", () => report(bytes()));
}
