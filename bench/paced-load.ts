// Open-loop load at a fixed rate, for latency at a given share of a server's capacity.
//
// autocannon's `overallRate` lets each connection send its quota for the second as fast
// as it can and then wait for the next second: at "half the rate" the server sees full
// load for about half of every second and nothing for the rest, so the p99 it reports is
// the p99 of a burst at full load. Here request i is due at start + i / rate, evenly
// spaced, and goes out on the next idle one of a pool of keep-alive connections; its
// latency runs from when it was due, not from when it could be sent, so a client or server
// falling behind shows as latency (wrk2's correction for coordinated omission) instead of
// as fewer requests.
//
// The client must cost the shared cores no more than autocannon does, or the server would
// be measured at more than half its load: so, like autocannon, it writes a request built
// once to raw sockets and reads only what it needs of each response (status line, header
// end, Content-Length). Node's http client costs about three times as much per request.
import net from "node:net";

export interface PacedResult {
  /** Requests sent (all answered or failed: the run waits for the last). */
  requests: number;
  /** Latency percentiles in ms, to 0.01 ms. */
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

const HEADER_END = Buffer.from("\r\n\r\n");
const CONTENT_LENGTH = /\r\ncontent-length:[ \t]*(\d+)/i;

/** One keep-alive connection, one request at a time: `onDone` when the response is whole. */
class Connection {
  private readonly socket: net.Socket;
  private pending: Buffer = Buffer.alloc(0);
  private bodyLeft = -1;
  private status = 0;
  private onDone: ((ok: boolean, status: number) => void) | null = null;

  constructor(port: number, host: string, onFree: (c: Connection) => void, onBroken: (c: Connection) => void) {
    this.socket = net.connect(port, host);
    this.socket.setNoDelay(true);
    this.socket.on("connect", () => onFree(this));
    this.socket.on("data", (chunk) => this.read(chunk, onFree));
    let broken = false;
    const onError = () => {
      if (broken) return; // "error", then "close"
      broken = true;
      this.finish(false);
      onBroken(this);
    };
    this.socket.on("error", onError);
    this.socket.on("close", onError);
  }

  send(request: Buffer, onDone: (ok: boolean, status: number) => void) {
    this.onDone = onDone;
    this.socket.write(request);
  }

  destroy() {
    this.socket.removeAllListeners("close");
    this.socket.destroy();
  }

  private finish(ok: boolean) {
    const done = this.onDone;
    this.onDone = null;
    this.pending = Buffer.alloc(0);
    this.bodyLeft = -1;
    done?.(ok, this.status);
  }

  private read(chunk: Buffer, onFree: (c: Connection) => void) {
    if (this.bodyLeft < 0) {
      this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
      const end = this.pending.indexOf(HEADER_END);
      if (end < 0) return;
      const head = this.pending.toString("latin1", 0, end);
      const length = CONTENT_LENGTH.exec(head);
      this.status = Number(head.slice(9, 12));
      if (!length) return void (this.finish(false), this.socket.destroy()); // every answer here has a length
      this.bodyLeft = Number(length[1]) - (this.pending.length - end - HEADER_END.length);
    } else {
      this.bodyLeft -= chunk.length;
    }
    if (this.bodyLeft > 0) return;
    this.finish(true);
    onFree(this);
  }
}

export async function pacedLoad(opts: {
  url: string;
  headers: Record<string, string>;
  /** Requests per second. */
  rate: number;
  durationSeconds: number;
  /** Keep-alive connections (more requests than this in flight wait for one, as latency). */
  connections: number;
}): Promise<PacedResult> {
  const url = new URL(opts.url);
  const headerLines = Object.entries({ host: url.host, ...opts.headers }).map(([name, value]) => `${name}: ${value}\r\n`);
  const request = Buffer.from(`GET ${url.pathname}${url.search} HTTP/1.1\r\n${headerLines.join("")}\r\n`, "latin1");
  const total = Math.round(opts.rate * opts.durationSeconds);
  const intervalMs = 1000 / opts.rate;
  const latencies = new Float64Array(total);
  let errors = 0;
  let non2xx = 0;
  let finished = 0;
  const idle: Connection[] = [];
  /** Requests due are 0..due-1; those from `next` on are not sent yet (waiting for a connection). */
  let next = 0;
  const connections = new Set<Connection>();

  await new Promise<void>((resolve) => {
    const start = performance.now();
    let due = 0; // requests due so far
    const dispatch = () => {
      while (next < due && idle.length > 0) {
        const index = next++;
        const dueAt = start + index * intervalMs;
        idle.pop()!.send(request, (ok, status) => {
          latencies[index] = performance.now() - dueAt;
          if (!ok) errors++;
          else if (status < 200 || status >= 300) non2xx++;
          if (++finished === total) resolve();
        });
      }
    };
    const onFree = (c: Connection) => {
      idle.push(c);
      dispatch();
    };
    const onBroken = (c: Connection) => {
      connections.delete(c);
      const index = idle.indexOf(c);
      if (index >= 0) idle.splice(index, 1);
      if (finished < total) connections.add(new Connection(Number(url.port), url.hostname, onFree, onBroken));
    };
    for (let i = 0; i < opts.connections; i++) connections.add(new Connection(Number(url.port), url.hostname, onFree, onBroken));
    // A 1 ms timer queues whatever has fallen due since the last tick: the spacing is even to
    // about a millisecond, and the client spends no CPU spinning between requests.
    const tick = () => {
      const now = performance.now();
      while (due < total && start + due * intervalMs <= now) due++;
      dispatch();
      if (due < total) setTimeout(tick, 1);
    };
    tick();
  });
  for (const c of connections) c.destroy();

  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 100) / 100;
  return { requests: total, p50: at(0.5), p99: at(0.99), errors, non2xx };
}
