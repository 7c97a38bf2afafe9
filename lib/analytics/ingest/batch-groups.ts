// Group commit for the ingester: batches handed in while every connection is busy wait, and
// the next free connection writes up to maxBatches of them in one transaction (writeBatches).
// An idle ingester writes a batch as soon as it arrives; a busy one writes fewer, larger
// transactions: one commit, and one upsert per rollup key for all the batches sharing it
// (bench:analytics: several batches of the same hours and days share most of their keys there).
// Each caller gets its own batch's result, or the error of the transaction it was in (then
// nothing of that transaction was written, and each of its batches can be retried alone).
import type { AnalyticsBatch } from "@portcullis/gateway/contract/analytics-record";
import type { IngestResult } from "./ingest-batch";

export type BatchGroupOptions = {
  /** Transactions at once (each holds a connection). */
  inFlight: number;
  /** Batches per transaction at most. */
  maxBatches: number;
  /**
   * Whether a failed group is written again batch by batch (default: always): one batch the
   * database refuses must not fail the batches that happened to share its transaction.
   */
  splitOnError?: (error: unknown) => boolean;
};

type Waiting = { batch: AnalyticsBatch; resolve: (result: IngestResult) => void; reject: (error: unknown) => void };

/** A function writing one batch through shared transactions; `write` writes a group of batches. */
export function batchGroups(
  write: (batches: AnalyticsBatch[]) => Promise<IngestResult[]>,
  { inFlight, maxBatches, splitOnError = () => true }: BatchGroupOptions,
) {
  const waiting: Waiting[] = [];
  let running = 0;
  let scheduled = false;

  function start() {
    scheduled = false;
    while (running < inFlight && waiting.length > 0) {
      const group = waiting.splice(0, maxBatches);
      running++;
      write(group.map((w) => w.batch))
        .then(
          (results) => group.forEach((w, i) => w.resolve(results[i]!)),
          async (error: unknown) => {
            if (group.length === 1 || !splitOnError(error)) return group.forEach((w) => w.reject(error));
            for (const w of group) await write([w.batch]).then((results) => w.resolve(results[0]!), w.reject);
          },
        )
        .finally(() => {
          running--;
          start();
        });
    }
  }

  return (batch: AnalyticsBatch): Promise<IngestResult> =>
    new Promise((resolve, reject) => {
      waiting.push({ batch, resolve, reject });
      // Batches handed in during the same turn of the event loop can share the first transaction.
      if (!scheduled) {
        scheduled = true;
        setImmediate(start);
      }
    });
}
