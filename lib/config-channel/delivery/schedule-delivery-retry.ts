// After a failed publish the console retries on its own, quickly at first: an
// acknowledged change must not wait for the next change or the 15 s watchdog.
import { db } from "@/lib/db";

/** One retry; resolves true once a snapshot got through. */
export type DeliveryRetry = () => Promise<boolean>;

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 15_000;

type RetryLoop = { running: boolean; retry?: DeliveryRetry; unmarked: boolean };

// On globalThis so a dev-mode module reload never starts a second loop in the process.
const loop: RetryLoop = ((globalThis as { __portcullisDeliveryRetry?: RetryLoop }).__portcullisDeliveryRetry ??= { running: false, unmarked: false });

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    // Never keeps a process alive just to retry; a restarted console's watchdog takes over.
    setTimeout(resolve, ms).unref();
  });

/** Still owed? If the database cannot tell, assume so: the retry itself will say what is wrong. */
async function stillPending(): Promise<boolean> {
  try {
    const row = await db().gatewayConfigDelivery.findUnique({ where: { id: 1 }, select: { pendingSince: true } });
    return row?.pendingSince != null;
  } catch {
    return true;
  }
}

/**
 * One loop per process, however many publishes fail: each failure only hands over
 * the latest retry. Backs off 0.5 s, 1 s, 2 s … up to 15 s, and stops once an
 * attempt succeeds or nothing is pending any more (another console delivered it).
 * `unmarked`: the failure came before the change could be marked pending (the database
 * was down), so an empty row proves nothing and only a successful retry ends the loop.
 * The latest failure decides: a later one that was marked covers every earlier change.
 */
export function scheduleDeliveryRetry(retry: DeliveryRetry, options: { unmarked?: boolean } = {}): void {
  loop.retry = retry;
  // Sticky while the loop runs: a later, marked failure does not excuse an earlier unmarked one.
  loop.unmarked = (loop.running && loop.unmarked) || (options.unmarked ?? false);
  if (loop.running) return;
  loop.running = true;
  void (async () => {
    try {
      for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 2, MAX_DELAY_MS)) {
        await sleep(delay);
        if (!loop.unmarked && !(await stillPending())) return;
        if (await loop.retry!().catch(() => false)) return;
      }
    } finally {
      loop.running = false;
    }
  })();
}
