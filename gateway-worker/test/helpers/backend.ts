// A tiny backend that records what it receives and echoes it back as JSON.
// ".../hang" never answers (timeouts, aborts); ".../slow" answers after 300 ms
// (graceful shutdown must let it finish).
import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface TestBackend {
  readonly port: number;
  readonly url: string;
  readonly received: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startBackend(name = "backend"): Promise<TestBackend> {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const record = { method: req.method ?? "", url: req.url ?? "", headers: req.headers };
    received.push(record);
    if (req.url?.includes("/hang")) return; // never answers
    const body = JSON.stringify({ backend: name, ...record });
    const answer = () => {
      res.writeHead(200, { "content-type": "application/json", "x-backend": name });
      res.end(body);
    };
    if (req.url?.includes("/slow")) setTimeout(answer, 300);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
