// Counts the body bytes a response sends its client (for bytes quotas), however
// it is written: the relayed backend stream or an error the gateway answers.
// Reports once, when the response ends or its connection closes.
import type { ServerResponse } from "node:http";

const sizeOf = (chunk: unknown, encoding?: unknown): number => {
  if (typeof chunk === "string") return Buffer.byteLength(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  return chunk instanceof Uint8Array ? chunk.byteLength : 0;
};

export function onResponseBodyBytes(res: ServerResponse, report: (bytes: number) => void): void {
  let bytes = 0;
  const write = res.write;
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    bytes += sizeOf(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== "function") bytes += sizeOf(chunk, rest[0]);
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse["end"];
  res.once("close", () => report(bytes));
}
