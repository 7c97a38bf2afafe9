// Reads the whole catalogue for a snapshot without holding the version lock while reading:
// a second transaction takes the lock and pins a version, the reading transaction takes its
// REPEATABLE READ snapshot while the lock is held, then the lock is released and the (slow)
// reading goes on from that snapshot. Writes wait milliseconds, not the seconds a 100,000
// subscription catalogue takes to read, and the snapshot still sits exactly between the reads
// of the versions before and after it.
import { db, type DbTransaction } from "@/lib/db";
import { lockConfigVersions } from "./config-version-lock";

/**
 * Prisma's 5 s default failed real publishes under load: a large catalogue takes seconds to
 * read. A build that still times out is retried by the delivery guarantee; maxWait bounds the
 * wait for a pooled connection.
 */
const READ_TRANSACTION = { timeout: 60_000, maxWait: 15_000 } as const;
/** The pinning side only waits for the lock and the reader's first statement. */
const PIN_TRANSACTION = { timeout: 30_000, maxWait: 15_000 } as const;

// One full read at a time per process: each holds a connection while it waits for a second
// one, so several at once could take the whole pool and wait for each other.
let turn: Promise<unknown> = Promise.resolve();
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const run = turn.then(work, work);
  turn = run.catch(() => undefined);
  return run;
}

/**
 * `pin` runs under the version lock (allocate a version, or read the newest one); `read` runs on
 * a snapshot of the database taken while the lock was held, after `pin` committed or not.
 */
export function readAtVersion<V, T>(pin: (tx: DbTransaction) => Promise<V>, read: (tx: DbTransaction, pinned: V) => Promise<T>): Promise<T> {
  return inTurn(() =>
    // The reader's connection is taken first, so the lock holder never waits for the pool.
    db().$transaction(
      async (reader) => {
        let snapshotTaken!: () => void;
        const taken = new Promise<void>((resolve) => (snapshotTaken = resolve));
        let pinned!: (value: V) => void;
        const pinnedValue = new Promise<V>((resolve) => (pinned = resolve));
        const pinning = db().$transaction(async (tx) => {
          await lockConfigVersions(tx);
          const value = await pin(tx);
          pinned(value);
          await taken;
          return value;
        }, PIN_TRANSACTION);
        pinning.catch(() => undefined); // observed below; never an unhandled rejection
        let value: V;
        try {
          // `pinning` settles first only when it failed (it waits for `taken` otherwise).
          value = await Promise.race([pinnedValue, pinning]);
          // REPEATABLE READ takes its snapshot at the first statement: now, while the lock is held.
          await reader.$queryRaw`SELECT 1`;
        } finally {
          snapshotTaken();
        }
        await pinning;
        return read(reader, value);
      },
      { ...READ_TRANSACTION, isolationLevel: "RepeatableRead" },
    ),
  );
}
