// Keeps the ConfigStore fed from Redis. Two things travel on one QueueEvents
// stream (so every gateway sees every event): `config-delta`, a small change
// carried inline and applied on top of the version it follows, and
// `config-published`, a new compacted or full snapshot under latestKey.
// The gateway at version v applies delta v+1 only; a gap is filled from the
// deltas sorted set (deltasKey, scored by version), and when that cannot help
// (after a short wait for a delta still in flight) it resyncs from the snapshot,
// then applies the deltas after it. At cold start, on a periodic poll and after
// each reconnect it does the same catch-up, in case events were missed.
// Redis being down never stops the gateway: it serves what it has (or 503) and
// catches up when Redis returns. It never skips a version and never applies an
// older state over a newer one (the store enforces both).
import { QueueEvents, QueueKeys, type QueueEventsListener } from "bullmq";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { configChannelNames, configDeltaEventSchema, configDeltaNames, configPublishedEventSchema } from "../contract/config-snapshot.js";
import type { ConfigOrigin, ConfigStore } from "./config-store.js";
import { peekSnapshotVersion } from "./parse-snapshot.js";

export interface ConfigSubscriberOptions {
  redisUrl: string;
  prefix: string;
  pollIntervalMs: number;
  store: ConfigStore;
  logger: Logger;
  /** Every Redis error, unthrottled (the log is throttled), for the Redis errors metric. */
  onRedisError?: (source: string) => void;
  /** How long a gap waits for its missing delta (still in flight) before resyncing from the snapshot. */
  gapWaitMs?: number;
}

type ConfigEventsListener = QueueEventsListener & {
  "config-published": (args: Record<string, string>, id: string) => void;
  "config-delta": (args: Record<string, string>, id: string) => void;
};

/** Bounds every plain command, so a dead Redis delays startup by seconds, not forever. */
const COMMAND_TIMEOUT_MS = 2000;
const ERROR_LOG_INTERVAL_MS = 30_000;
const DEFAULT_GAP_WAIT_MS = 200;
/** Deltas read per ZRANGEBYSCORE, so a long catch-up is applied in bounded chunks. */
const DELTA_PAGE = 500;
/** Deltas held ahead of a gap; beyond this they are dropped (the sorted set still has them). */
const MAX_AHEAD = 10_000;
/** Enough of latestKey to read the version it starts with. */
const SNAPSHOT_HEAD_BYTES = 64;
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

interface CatchUp {
  origin: ConfigOrigin;
  /** Read the snapshot even when the deltas look complete (cold start, a refused delta). */
  resync: boolean;
  /** Peek at the snapshot's version and read it if newer (poll, reconnect). */
  checkSnapshot: boolean;
}

export class ConfigSubscriber {
  private readonly names;
  private readonly deltaNames;
  private readonly redis: Redis;
  private events: QueueEvents | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  /** Last time an error was logged, per source, so an outage logs a line now and then, not per retry. */
  private readonly lastErrorLog = new Map<string, number>();
  private stopped = false;
  /** Deltas received beyond the next version, by version, until the ones before them arrive. */
  private readonly ahead = new Map<number, string>();
  /** The newest version any event announced: serving less means being behind. */
  private announced = 0;
  private running: Promise<void> | null = null;
  /** A catch-up requested while one runs: merged, and run right after it. */
  private queued: CatchUp | null = null;

  constructor(private readonly opts: ConfigSubscriberOptions) {
    this.names = configChannelNames(opts.prefix);
    this.deltaNames = configDeltaNames(opts.prefix);
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
    events.on<ConfigEventsListener, "config-delta">(this.deltaNames.deltaEventName, (args) => this.onDelta(args));
    this.events = events;

    await this.catchUp({ origin: "cold-start", resync: true, checkSnapshot: true });
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

  /** Reads the deltas after the served version, then the snapshot if it is newer; never throws. */
  refresh(origin: ConfigOrigin): Promise<void> {
    return this.catchUp({ origin, resync: false, checkSnapshot: true });
  }

  private onPublished(args: Record<string, string>): void {
    const event = configPublishedEventSchema.safeParse(args);
    if (!event.success) {
      this.opts.logger.warn({ args }, "ignoring malformed config-published event");
      return;
    }
    const current = this.opts.store.version();
    if (current !== null && event.data.version <= current) return; // already serving it or newer (e.g. a compaction)
    this.announced = Math.max(this.announced, event.data.version);
    void this.catchUp({ origin: "event", resync: false, checkSnapshot: false });
  }

  private onDelta(args: Record<string, string>): void {
    const event = configDeltaEventSchema.safeParse(args);
    if (!event.success) {
      this.opts.logger.warn({ version: args.version }, "ignoring malformed config-delta event");
      return;
    }
    const current = this.opts.store.version();
    if (current !== null && event.data.version <= current) return;
    this.announced = Math.max(this.announced, event.data.version);
    this.hold(event.data.version, event.data.delta);
    // The usual case: the next version, applied right here, no Redis read.
    if (this.applyHeld("event") === "refused") void this.catchUp({ origin: "resync", resync: true, checkSnapshot: false });
    else if (this.behind()) void this.catchUp({ origin: "event", resync: false, checkSnapshot: false });
  }

  private hold(version: number, raw: string): void {
    if (this.ahead.size >= MAX_AHEAD) this.ahead.clear();
    this.ahead.set(version, raw);
  }

  /**
   * Applies the held deltas that follow the served version, in order, a consecutive run at a
   * time (one pass for a catch-up); "refused" when one cannot apply. A delta stays held until
   * the served version reaches it or it is refused, so nothing has to be put back.
   */
  private applyHeld(origin: ConfigOrigin): "ok" | "refused" {
    for (;;) {
      const current = this.opts.store.version();
      if (current === null) return "ok"; // no base yet: the cold start's snapshot comes first
      this.dropHeldThrough(current);
      const run: string[] = [];
      for (let v = current + 1; run.length < DELTA_PAGE && this.ahead.has(v); v++) run.push(this.ahead.get(v)!);
      if (run.length === 0) return "ok";
      const result = this.opts.store.offerDeltas(run, origin);
      if (result === "applied") continue;
      // Refused, or its content is not the version it was stored as: never skip it, resync instead.
      // The deltas after the refused one stay held.
      const refused = (this.opts.store.version() ?? current) + 1;
      this.dropHeldThrough(refused);
      if (result !== "invalid") this.opts.logger.warn({ version: refused, result }, "config delta does not follow the served version; resyncing");
      return "refused";
    }
  }

  private dropHeldThrough(version: number): void {
    for (const held of this.ahead.keys()) if (held <= version) this.ahead.delete(held);
  }

  private behind(): boolean {
    const current = this.opts.store.version();
    return current === null || this.ahead.size > 0 || this.announced > current;
  }

  /** One catch-up at a time; requests made meanwhile are merged and run once after it. */
  private catchUp(request: CatchUp): Promise<void> {
    if (this.running) {
      this.queued = this.queued
        ? { origin: this.queued.origin, resync: this.queued.resync || request.resync, checkSnapshot: this.queued.checkSnapshot || request.checkSnapshot }
        : request;
      return this.running;
    }
    const run = async () => {
      let next: CatchUp | null = request;
      while (next && !this.stopped) {
        try {
          await this.runCatchUp(next);
        } catch (err) {
          this.reportRedisError(`config refresh (${next.origin})`, err as Error);
        }
        next = this.queued;
        this.queued = null;
      }
    };
    this.running = run().finally(() => (this.running = null));
    return this.running;
  }

  private async runCatchUp({ origin, resync, checkSnapshot }: CatchUp): Promise<void> {
    if (!resync) {
      if ((await this.readDeltas(origin)) === "refused") resync = true;
      else if (this.ahead.size > 0) {
        // A gap: the missing delta may still be on its way (published after a later one).
        await new Promise((resolve) => setTimeout(resolve, this.opts.gapWaitMs ?? DEFAULT_GAP_WAIT_MS));
        if ((await this.readDeltas(origin)) === "refused" || this.behind()) resync = true;
      } else if (this.behind()) resync = true;
    }
    if (this.stopped) return;
    const snapshotRead = resync || checkSnapshot ? await this.readSnapshot(resync && origin !== "cold-start" ? "resync" : origin) : false;
    if (snapshotRead) await this.readDeltas(origin);
    if (this.behind() && !this.stopped) {
      const current = this.opts.store.version();
      const level = current === null ? "debug" : "warn";
      this.opts.logger[level]({ origin, currentVersion: current, announced: this.announced }, "config not caught up; serving the current config and retrying at the next poll");
      // What is still held cannot apply until the missing versions come; the next catch-up re-reads them.
      this.ahead.clear();
      if (current !== null) this.announced = Math.min(this.announced, current);
    }
  }

  /** Holds and applies the deltas stored after the served version, page by page. */
  private async readDeltas(origin: ConfigOrigin): Promise<"ok" | "refused"> {
    for (;;) {
      const current = this.opts.store.version();
      if (current === null || this.stopped) return "ok";
      const page = await this.redis.zrangebyscore(this.deltaNames.deltasKey, `(${current}`, "+inf", "WITHSCORES", "LIMIT", 0, DELTA_PAGE);
      for (let i = 0; i + 1 < page.length; i += 2) this.hold(Number(page[i + 1]), page[i]);
      if (this.applyHeld(origin) === "refused") return "refused";
      // A short page was the end; no progress means a gap inside the set.
      if (page.length < DELTA_PAGE * 2 || this.opts.store.version() === current) return "ok";
    }
  }

  /** Reads latestKey when it is newer than the served version (peeking at its head first); true if it was offered. */
  private async readSnapshot(origin: ConfigOrigin): Promise<boolean> {
    const head = await this.redis.getrange(this.names.latestKey, 0, SNAPSHOT_HEAD_BYTES - 1);
    if (head === "") {
      this.opts.logger.debug({ origin }, "no config snapshot published yet");
      return false;
    }
    const peeked = peekSnapshotVersion(head);
    const current = this.opts.store.version();
    if (peeked !== null && current !== null && peeked <= current) return false;
    const raw = await this.redis.get(this.names.latestKey);
    if (raw === null) return false;
    this.opts.store.offer(raw, origin);
    return true;
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
