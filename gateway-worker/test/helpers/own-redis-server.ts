// A throw-away redis-server for gateway tests that must break Redis: the machine's
// Redis is shared and must never be stopped or flushed. `kill()` is a crash (SIGKILL,
// nothing saved); `start()` again brings up an empty one on the same port, so clients
// reconnect to the URL they were given.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { waitFor } from "./wait-for";

export interface OwnRedisServer {
  readonly url: string;
  start(): Promise<void>;
  kill(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function ownRedisServer(): Promise<OwnRedisServer> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const server: OwnRedisServer = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
      const probe = new Redis({ port, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on("error", () => undefined); // refused until the server listens
      try {
        await waitFor(async () => {
          if (probe.status !== "ready") await probe.connect();
          if ((await probe.ping()) !== "PONG") throw new Error("redis-server not up yet");
        }, 10_000, 100);
      } finally {
        probe.disconnect();
      }
    },
    async kill() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      await new Promise((resolve) => {
        running.once("exit", resolve);
        running.kill("SIGKILL");
      });
    },
  };
  await server.start();
  return server;
}
