// Registers this gateway in Redis and keeps the registration fresh: at start,
// every heartbeat interval, and as soon as the served config version changes
// (so the console does not see a gateway lagging for a whole interval after a
// publish). Redis trouble is counted and retried at the next beat, never
// thrown: the gateway keeps serving. A clean stop removes the registration.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import type { ConfigStore } from "../config/config-store.js";
import { gatewayRegistryNames, REGISTRATION_TTL_HEARTBEATS, type GatewayRegistration } from "../contract/gateway-registry.js";
import type { GatewayMetrics } from "./gateway-metrics.js";

/** How often the served version is compared with the last one reported (no Redis call unless it changed). */
const VERSION_CHECK_MS = 250;
const COMMAND_TIMEOUT_MS = 2_000;

/** src/observability and dist/observability sit at the same depth below the package. */
const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

export function defaultInstanceId(): string {
  return `${os.hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
}

export interface HeartbeatOptions {
  redisUrl: string;
  prefix: string;
  intervalMs: number;
  instanceId: string;
  store: ConfigStore;
  metrics: GatewayMetrics;
  logger: Logger;
}

export class GatewayHeartbeat {
  private readonly redis: Redis;
  private readonly names;
  private readonly startedAt = new Date().toISOString();
  private timers: NodeJS.Timeout[] = [];
  private reportedVersion: number | null | undefined;
  private last = { at: performance.now(), answered: 0 };
  private beating: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly opts: HeartbeatOptions) {
    this.names = gatewayRegistryNames(opts.prefix);
    this.redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: COMMAND_TIMEOUT_MS, lazyConnect: true });
    this.redis.on("error", () => opts.metrics.redisError("registry"));
  }

  /** Never throws: with Redis down the gateway starts anyway and registers once it is back. */
  async start(): Promise<void> {
    await this.redis.connect().catch(() => undefined);
    await this.beat();
    if (this.stopped) return;
    const every = (ms: number, fn: () => void) => {
      const timer = setInterval(fn, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.opts.intervalMs, () => void this.beat());
    every(Math.min(VERSION_CHECK_MS, this.opts.intervalMs), () => {
      if (this.opts.store.version() !== this.reportedVersion) void this.beat();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await this.beating;
    if (this.redis.status === "ready") {
      await this.redis
        .multi()
        .del(this.names.instanceKey(this.opts.instanceId))
        .zrem(this.names.indexKey, this.opts.instanceId)
        .exec()
        .catch(() => undefined);
      await this.redis.quit().catch(() => undefined);
    }
    this.redis.disconnect();
  }

  registration(): GatewayRegistration {
    const now = performance.now();
    const answered = this.opts.metrics.answeredCount();
    const seconds = (now - this.last.at) / 1000;
    const requestsPerSecond = seconds > 0 ? Math.round(((answered - this.last.answered) / seconds) * 100) / 100 : 0;
    this.last = { at: now, answered };
    return {
      id: this.opts.instanceId,
      host: os.hostname(),
      version: PACKAGE_VERSION,
      startedAt: this.startedAt,
      lastHeartbeatAt: new Date().toISOString(),
      heartbeatIntervalMs: this.opts.intervalMs,
      configVersion: this.opts.store.version(),
      lastRejectedSnapshot: this.opts.store.lastRejected(),
      requestsPerSecond,
    };
  }

  /** One beat at a time: a slow Redis never stacks writes up. */
  private beat(): Promise<void> {
    if (this.stopped || this.beating) return this.beating ?? Promise.resolve();
    this.beating = this.write().finally(() => (this.beating = null));
    return this.beating;
  }

  private async write(): Promise<void> {
    const registration = this.registration();
    const ttlSeconds = Math.ceil((REGISTRATION_TTL_HEARTBEATS * this.opts.intervalMs) / 1000);
    // Set before the write: with Redis down, the interval retries, not the version check every 250 ms.
    this.reportedVersion = registration.configVersion;
    try {
      await this.redis
        .multi()
        .set(this.names.instanceKey(registration.id), JSON.stringify(registration), "EX", ttlSeconds)
        .zadd(this.names.indexKey, Date.now(), registration.id)
        .exec();
    } catch (err) {
      this.opts.metrics.redisError("registry");
      this.opts.logger.debug({ err: (err as Error).message }, "gateway heartbeat not written; retrying at the next one");
    }
  }
}
