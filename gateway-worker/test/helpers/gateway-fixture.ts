// Shared setup for the integration tests: real Redis under a prefix unique to
// the test file, two recording backends, one dead backend URL, a publisher
// that publishes as the console does, and gateways started in-process whose
// logs are kept for assertions. teardown() closes all of it.
import { randomUUID } from "node:crypto";
import { pino } from "pino";
import type { GatewayConfigSnapshot } from "../../src/contract/config-snapshot";
import { createGateway, type Gateway, type GatewayOptions } from "../../src/server";
import { startBackend, type TestBackend } from "./backend";
import { createConfigPublisher, type ConfigPublisher } from "./publish-config";
import { makeApi, makeProduct, makeSnapshot, makeSubscription } from "./snapshots";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
export const KEY = "alice-secret-key-0123456789";
export const KEY_HEADER = "ocp-apim-subscription-key";

export interface Fixture {
  readonly prefix: string;
  readonly backend: TestBackend;
  readonly backendB: TestBackend;
  readonly publisher: ConfigPublisher;
  /** Every log line of every gateway started by this fixture. */
  readonly logLines: string[];
  /** Poll interval defaults to 60 s, so only events (or reconnects) can explain a quick update. */
  startGateway(overrides?: Partial<GatewayOptions>): Promise<{ gateway: Gateway; url: string }>;
  /** /demo (key via product), /legacy (deprecated), /old (retired), /down (dead backend), /lb (two backends). */
  snapshot(version: number, opts?: { withAlice?: boolean }): GatewayConfigSnapshot;
  teardown(): Promise<void>;
}

export async function setUpFixture(label: string): Promise<Fixture> {
  const prefix = `gw-${label}-${randomUUID()}`;
  const [backend, backendB, dead] = await Promise.all([startBackend("a"), startBackend("b"), startBackend("dead")]);
  await dead.close(); // nothing listens on that port any more
  const publisher = createConfigPublisher(REDIS_URL, prefix);
  const logLines: string[] = [];
  const gateways: Gateway[] = [];

  return {
    prefix,
    backend,
    backendB,
    publisher,
    logLines,
    async startGateway(overrides = {}) {
      const logger = pino({ level: "info" }, { write: (line: string) => void logLines.push(line) });
      const gateway = createGateway({ redisUrl: REDIS_URL, prefix, pollIntervalMs: 60_000, backendTimeoutMs: 500, logger, ...overrides });
      gateways.push(gateway);
      const port = await gateway.listen(0, "127.0.0.1");
      return { gateway, url: `http://127.0.0.1:${port}` };
    },
    snapshot(version, { withAlice = true } = {}) {
      const api = (id: string, path: string, extra: Parameters<typeof makeApi>[0] = {}) =>
        makeApi({ id, path, backends: [{ url: backend.url, weight: 1 }], ...extra });
      return makeSnapshot({
        version,
        apis: [
          api("api-demo", "demo", { backends: [{ url: `${backend.url}/api`, weight: 1 }] }),
          api("api-legacy", "legacy", { lifecycle: "deprecated" }),
          api("api-old", "old", { lifecycle: "retired" }),
          api("api-down", "down", { backends: [{ url: dead.url, weight: 1 }] }),
          api("api-lb", "lb", { backends: [{ url: backend.url, weight: 1 }, { url: backendB.url, weight: 1 }] }),
        ],
        products: [makeProduct({ apiIds: ["api-demo", "api-legacy", "api-old", "api-down", "api-lb"] })],
        subscriptions: withAlice ? [makeSubscription({ id: "sub-alice", keys: [KEY] })] : [],
      });
    },
    async teardown() {
      await Promise.all(gateways.map((g) => g.close(0)));
      await Promise.all([backend.close(), backendB.close()]);
      await publisher.cleanupAndClose();
    },
  };
}

export async function getJson(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}
