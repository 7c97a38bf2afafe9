// Sends exact bytes over TCP, for what fetch would normalise or refuse: encoded
// paths, headers named in Connection, a body trickled byte by byte. Reads the
// first response (until the server closes, or its body is complete).
import net from "node:net";

export interface RawResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from connecting to the complete response. */
  elapsedMs: number;
}

function decodeChunked(raw: string): string | undefined {
  let out = "";
  let rest = raw;
  for (;;) {
    const lineEnd = rest.indexOf("\r\n");
    if (lineEnd === -1) return undefined;
    const size = parseInt(rest.slice(0, lineEnd), 16);
    if (size === 0) return out;
    if (rest.length < lineEnd + 2 + size + 2) return undefined;
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}

/** The parsed response once `data` holds all of it, else undefined. */
export function parseResponse(data: string, elapsedMs: number, closed: boolean): RawResponse | undefined {
  const headEnd = data.indexOf("\r\n\r\n");
  if (headEnd === -1) return undefined;
  const [statusLine, ...lines] = data.slice(0, headEnd).split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  const rawBody = data.slice(headEnd + 4);
  const status = Number(statusLine.split(" ")[1]);
  let body: string | undefined;
  if (status === 101 || status === 204 || status === 304) body = "";
  else if (/chunked/i.test(headers["transfer-encoding"] ?? "")) body = decodeChunked(rawBody);
  else if (headers["content-length"] !== undefined) {
    const length = Number(headers["content-length"]);
    body = Buffer.byteLength(rawBody) >= length ? rawBody.slice(0, length) : undefined;
  } else if (closed) body = rawBody;
  return body === undefined ? undefined : { status, headers, body, elapsedMs };
}

/**
 * Writes `request` (or, for a function, lets it write to the socket over time)
 * and resolves with the first response; rejects after `timeoutMs` without one.
 */
export function rawRequest(
  baseUrl: string,
  request: string | ((socket: net.Socket) => void),
  timeoutMs = 3000,
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = net.connect(Number(port), hostname);
    let data = "";
    const timer = setTimeout(() => finish(new Error(`no complete response within ${timeoutMs} ms; got ${JSON.stringify(data)}`)), timeoutMs);
    const finish = (outcome: RawResponse | Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const check = (closed: boolean) => {
      const parsed = parseResponse(data, Math.round(performance.now() - started), closed);
      if (parsed) finish(parsed);
      else if (closed) finish(new Error(`connection closed before a complete response: ${JSON.stringify(data)}`));
    };
    socket.on("connect", () => (typeof request === "string" ? socket.write(request) : request(socket)));
    socket.on("data", (chunk) => {
      data += chunk.toString("latin1");
      check(false);
    });
    socket.on("end", () => check(true));
    socket.on("error", (err) => finish(err));
  });
}
