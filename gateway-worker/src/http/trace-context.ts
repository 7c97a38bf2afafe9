// W3C Trace Context (https://www.w3.org/TR/trace-context/): the gateway joins the
// caller's trace, or starts one when `traceparent` is absent or invalid, and is
// itself one span in it: backends receive the same trace-id with the gateway's
// own span id as parent-id. `tracestate` travels on only with a valid parent
// (the spec discards it otherwise). Both ids go in the access log.
import { randomFillSync } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

export interface TraceContext {
  readonly traceId: string;
  /** The gateway's span, sent to the backend as parent-id. */
  readonly spanId: string;
  /** The caller's span, when it sent a valid traceparent. */
  readonly parentId?: string;
  readonly flags: string;
}

const ZERO_TRACE = "0".repeat(32);
const ZERO_SPAN = "0".repeat(16);
// version-traceId-parentId-flags; a future version may append "-..." fields, which a version-00 reader ignores.
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

function parse(value: string): { traceId: string; parentId: string; flags: string } | undefined {
  const match = TRACEPARENT.exec(value.trim());
  if (!match) return undefined;
  const [, version, traceId, parentId, flags, rest] = match;
  if (version === "ff" || (version === "00" && rest !== undefined)) return undefined;
  if (traceId === ZERO_TRACE || parentId === ZERO_SPAN) return undefined;
  return { traceId, parentId, flags };
}

/**
 * Random bytes for ids, read from the CSPRNG 4 KiB at a time rather than 24 bytes per request
 * (a call into OpenSSL each): every byte is handed out once.
 */
const POOL_BYTES = 4096;
const ID_BYTES = 24;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let poolOffset = POOL_BYTES;

function randomHex(): string {
  if (poolOffset + ID_BYTES > POOL_BYTES) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const hex = pool.toString("hex", poolOffset, poolOffset + ID_BYTES);
  poolOffset += ID_BYTES;
  return hex;
}

/** A span id and a trace id from one read of the random pool (the trace id only used when starting a trace). */
function newIds(): { spanId: string; traceId: string } {
  for (;;) {
    const hex = randomHex();
    const spanId = hex.slice(0, 16);
    const traceId = hex.slice(16);
    if (spanId !== ZERO_SPAN && traceId !== ZERO_TRACE) return { spanId, traceId };
  }
}

/** Reads the caller's context and rewrites the headers the backend will receive. */
export function propagateTraceContext(headers: IncomingHttpHeaders): TraceContext {
  const incoming = typeof headers.traceparent === "string" ? parse(headers.traceparent) : undefined;
  const ids = newIds();
  const spanId = ids.spanId;
  const trace: TraceContext = incoming
    ? { traceId: incoming.traceId, spanId, parentId: incoming.parentId, flags: incoming.flags }
    : // A trace we start is marked sampled: the gateway records it in its access log.
      { traceId: ids.traceId, spanId, flags: "01" };
  if (!incoming) delete headers.tracestate;
  headers.traceparent = `00-${trace.traceId}-${trace.spanId}-${trace.flags}`;
  return trace;
}
