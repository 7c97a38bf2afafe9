// Collects request records in memory and hands them on in batches, by count
// (batchSize) or by time (flushMs after a batch's first record), one send at a
// time. Recording is a push to an array: a request never waits for Redis.
// When sending fails (Redis down), the batch stays buffered, with its id, and
// is sent again later (same id: the ingester counts a batch once however often
// it arrives). The buffer is bounded: beyond bufferMax records the oldest are
// dropped and reported, so an outage costs records, never the gateway's memory.
import { randomUUID } from "node:crypto";
import type { AnalyticsBatch, AnalyticsRecord } from "../contract/analytics-record.js";

export interface BatcherOptions {
  gatewayId: string;
  batchSize: number;
  flushMs: number;
  /** Records held at most, the batch being sent included; at least batchSize. */
  bufferMax: number;
  send(batch: AnalyticsBatch): Promise<void>;
  onSent?(records: number): void;
  onDropped?(records: number): void;
  onSendFailed?(err: unknown, batch: AnalyticsBatch): void;
  /** Wait before sending again after the n-th failure in a row. */
  retryDelayMs?(failures: number): number;
  newBatchId?(): string;
}

const defaultRetryDelay = (failures: number) => Math.min(250 * 2 ** (failures - 1), 10_000);
/** While closing, retries come quickly: the deadline of close() bounds them. */
const CLOSING_RETRY_MS = 100;

export class AnalyticsBatcher {
  private filling: AnalyticsRecord[] = [];
  /** Sealed batches, oldest first; the first one is being sent when `sending`. */
  private readonly ready: AnalyticsBatch[] = [];
  private sending = false;
  private held = 0;
  private failures = 0;
  private closing = false;
  private flushTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly idle: (() => void)[] = [];

  constructor(private readonly opts: BatcherOptions) {
    if (opts.bufferMax < opts.batchSize) throw new Error("bufferMax must be at least batchSize");
  }

  /** Records held now: being filled, sealed, or being sent. */
  get buffered(): number {
    return this.held;
  }

  push(record: AnalyticsRecord): void {
    this.filling.push(record);
    this.held++;
    if (this.filling.length >= this.opts.batchSize) this.seal();
    else if (!this.flushTimer) this.flushTimer = setTimeout(() => this.seal(), this.opts.flushMs).unref();
    if (this.held > this.opts.bufferMax) this.dropOldest(this.held - this.opts.bufferMax);
  }

  /** Seals what is being filled and sends without waiting for the retry delay (e.g. Redis is back). */
  retryNow(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.seal();
  }

  /**
   * Sends everything held, retrying quickly, for at most `timeoutMs`. Resolves to
   * the number of records that could not be sent in time (0: all sent).
   */
  async close(timeoutMs: number): Promise<number> {
    this.closing = true;
    this.retryNow();
    if (this.held > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.idle.push(resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
    }
    if (this.retryTimer) clearTimeout(this.retryTimer);
    return this.held;
  }

  private seal(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.filling.length > 0) {
      const batchId = this.opts.newBatchId?.() ?? randomUUID();
      this.ready.push({ batchId, gatewayId: this.opts.gatewayId, records: this.filling });
      this.filling = [];
    }
    this.pump();
  }

  private pump(): void {
    if (this.sending || this.retryTimer) return;
    const batch = this.ready[0];
    if (!batch) {
      if (this.held === 0) this.idle.splice(0).forEach((resolve) => resolve());
      return;
    }
    this.sending = true;
    // Never trimmed while in flight (dropOldest skips it), so its length is what was sent.
    this.opts.send(batch).then(
      () => {
        this.sending = false;
        this.failures = 0;
        this.ready.shift();
        this.held -= batch.records.length;
        this.opts.onSent?.(batch.records.length);
        this.pump();
      },
      (err: unknown) => {
        this.sending = false;
        this.failures++;
        this.opts.onSendFailed?.(err, batch);
        const delay = this.closing ? CLOSING_RETRY_MS : (this.opts.retryDelayMs ?? defaultRetryDelay)(this.failures);
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.pump();
        }, delay).unref();
      },
    );
  }

  /** Oldest first: sealed batches (not the one in flight), then the one being filled. */
  private dropOldest(count: number): void {
    let left = count;
    const i = this.sending ? 1 : 0; // each batch removed brings the next one to i
    while (left > 0 && i < this.ready.length) {
      const records = this.ready[i]!.records;
      if (records.length <= left) {
        left -= records.length;
        this.ready.splice(i, 1);
      } else {
        records.splice(0, left);
        left = 0;
      }
    }
    if (left > 0) left -= this.filling.splice(0, left).length;
    const dropped = count - left;
    this.held -= dropped;
    this.opts.onDropped?.(dropped);
  }
}
