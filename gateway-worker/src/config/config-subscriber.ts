// Keeps the ConfigStore fed from Redis, by three paths that all end in
// `refresh` (read latestKey, offer it): at cold start; on every
// `config-published` event (QueueEvents, so every gateway sees every event);
// and on a periodic poll plus after each reconnect, in case an event was
// missed while disconnected. Redis being down never stops the gateway: it
// serves what it has (or 503) and catches up when Redis returns.
import { QueueEvents, QueueKeys, type QueueEventsListener } from "bullmq";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { configChannelNames, configPublishedEventSchema } from "../contract/config-snapshot.js";
import type { ConfigOrigin, ConfigStore } from "./config-store.js";

export interface ConfigSubscriberOptions {
  redisUrl: string;
  prefix: string;
  pollIntervalMs: number;
  store: ConfigStore;
  logger: Logger;
  /** Every Redis error, unthrottled (the log is throttled), for the Redis errors metric. */
  onRedisError?: (source: string) => void;
}

type ConfigEventsListener = QueueEventsListener & {
  "config-published": (args: Record<string, string>, id: string) => void;
};

/** Bounds every plain command, so a dead Redis delays startup by seconds, not forever. */
const COMMAND_TIMEOUT_MS = 2000;
const ERROR_LOG_INTERVAL_MS = 30_000;
/**
 * With Redis unreachable, bullmq's close() stops reconnecting at once but then
 * waits for an "end" event ioredis never emits; nothing is left running, so
 * after this long shutdown simply moves on.
 */
const CLOSE_TIMEOUT_MS = 1000;

async function closeWithin(closing: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([closing.catch(() => undefined), timeout]);
  clearTimeout(timer);
}

export class ConfigSubscriber {
  private readonly names;
  private readonly redis: Redis;
  private events: QueueEvents | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  /** Last time an error was logged, per source, so an outage logs a line now and then, not per retry. */
  private readonly lastErrorLog = new Map<string, number>();
  private stopped = false;

  constructor(private readonly opts: ConfigSubscriberOptions) {
    this.names = configChannelNames(opts.prefix);
    this.redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: COMMAND_TIMEOUT_MS, lazyConnect: true });
    this.redis.on("error", (err: Error) => this.reportRedisError("config reader", err));
    // Every ready after the first one is a reconnect: catch up at once instead of waiting for the poll.
    let connectedOnce = false;
    this.redis.on("ready", () => {
      if (connectedOnce) {
        this.opts.logger.info("config channel reconnected");
        void this.refresh("reconnect");
      }
      connectedOnce = true;
      this.lastErrorLog.clear();
    });
  }

  async start(): Promise<void> {
    await this.redis.connect().catch((err: Error) => this.reportRedisError("config reader", err));
    // Listen first, from the stream position read now, then read the snapshot:
    // an event published between the two is replayed, not lost.
    const lastEventId = await this.currentStreamPosition();
    if (this.stopped) return; // closed while starting
    const events = new QueueEvents(this.names.queueName, {
      connection: { url: this.opts.redisUrl },
      prefix: this.names.bullPrefix,
      lastEventId,
      // Without these two, bullmq's close() waits for a first connection that
      // may never come (Redis down since startup) and shutdown would hang.
      // The version check only matters for job queues; events need XREAD (Redis 5+).
      skipWaitingForReady: true,
      skipVersionCheck: true,
    });
    events.on("error", (err: Error) => this.reportRedisError("config events", err));
    events.on<ConfigEventsListener, "config-published">(this.names.eventName, (args) => this.onPublished(args));
    this.events = events;

    await this.refresh("cold-start");
    if (this.stopped) return;
    this.pollTimer = setInterval(() => void this.refresh("poll"), this.opts.pollIntervalMs);
    this.pollTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.events) await closeWithin(this.events.close(), CLOSE_TIMEOUT_MS);
    if (this.redis.status === "ready") await this.redis.quit().catch(() => undefined);
    this.redis.disconnect();
  }

  /** Reads latestKey and offers it to the store; never throws. */
  async refresh(origin: ConfigOrigin): Promise<void> {
    if (this.stopped) return;
    try {
      const raw = await this.redis.get(this.names.latestKey);
      if (raw === null) {
        this.opts.logger.debug({ origin }, "no config snapshot published yet");
        return;
      }
      this.opts.store.offer(raw, origin);
    } catch (err) {
      this.reportRedisError(`config refresh (${origin})`, err as Error);
    }
  }

  private onPublished(args: Record<string, string>): void {
    const event = configPublishedEventSchema.safeParse(args);
    if (!event.success) {
      this.opts.logger.warn({ args }, "ignoring malformed config-published event");
      return;
    }
    const current = this.opts.store.version();
    if (current !== null && event.data.version <= current) return; // already serving it or newer
    void this.refresh("event");
  }

  /** Id of the newest event in the stream, or "0" for "from the beginning" when there is none yet. */
  private async currentStreamPosition(): Promise<string> {
    const streamKey = new QueueKeys(this.names.bullPrefix).toKey(this.names.queueName, "events");
    try {
      const [newest] = await this.redis.xrevrange(streamKey, "+", "-", "COUNT", 1);
      return newest ? newest[0] : "0";
    } catch {
      return "$"; // Redis unreachable: listen for what comes next; the poll covers the gap.
    }
  }

  private reportRedisError(source: string, err: Error): void {
    if (!this.stopped) this.opts.onRedisError?.(source.startsWith("config refresh") ? "config refresh" : source);
    const now = Date.now();
    if (this.stopped || now - (this.lastErrorLog.get(source) ?? -Infinity) < ERROR_LOG_INTERVAL_MS) return;
    this.lastErrorLog.set(source, now);
    this.opts.logger.warn({ source, err: err.message }, "config channel unavailable; serving the current config and retrying");
  }
}
