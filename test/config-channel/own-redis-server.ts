// A throw-away redis-server for tests that must break Redis: the machine's Redis is
// shared by everyone on it and must never be reconfigured, stopped or flushed.
import { spawn, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { waitFor } from "@/gateway-worker/test/helpers/wait-for";
import { freePort } from "../support/free-port";

export type OwnRedisServer = {
  url: string;
  port: number;
  /** Refuses every write (OOM), as a full Redis does; reads keep working. */
  refuseWrites(): Promise<void>;
  acceptWrites(): Promise<void>;
  stop(): Promise<void>;
};

/** `port`: restart on the port of one stopped before (clients reconnect to the same URL), empty. */
export async function startOwnRedisServer(samePort?: number): Promise<OwnRedisServer> {
  const port = samePort ?? (await freePort());
  const child: ChildProcess = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  const admin = new Redis({ port, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 1 });
  await waitFor(async () => {
    if (admin.status !== "ready") await admin.connect().catch(() => undefined);
    if ((await admin.ping()) !== "PONG") throw new Error("redis-server not up yet");
  }, 10_000, 100);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async refuseWrites() {
      await admin.config("SET", "maxmemory-policy", "noeviction");
      await admin.config("SET", "maxmemory", "1");
    },
    async acceptWrites() {
      await admin.config("SET", "maxmemory", "0");
    },
    async stop() {
      admin.disconnect();
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(null)));
    },
  };
}
