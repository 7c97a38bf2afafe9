// The raw request table's day partitions (analytics.request_pYYYYMMDD, UTC days). Created
// ahead by the ingester's periodic task and on demand for any day a batch needs, dropped whole
// by retention. Both take one advisory lock, so several ingesters never race to create the
// same partition or create one that retention is dropping. CREATE and DROP take an exclusive
// lock on the parent table, so they run in their own short transactions, never inside a
// batch's, and give up after a few seconds rather than queue every insert behind a long query.
import type pg from "pg";

export const DAY_MS = 86_400_000;
const PARTITION_LOCK = "hashtext('portcullis.analytics.request_partitions')";
const LOCK_TIMEOUT = "5s";

/** Days whose partition this process created or saw; cleared when retention drops one. */
const known = new Set<number>();

export type Queryable = pg.Pool | pg.ClientBase;

export function isPool(db: Queryable): db is pg.Pool {
  return "totalCount" in db;
}

export function utcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

export function partitionName(day: number): string {
  return `request_p${new Date(day).toISOString().slice(0, 10).replaceAll("-", "")}`;
}

function dayOfPartition(name: string): number | null {
  const m = /^request_p(\d{4})(\d{2})(\d{2})$/.exec(name);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** Runs `work` in a transaction: on a connection of its own from a pool, or on the client given. */
export async function withTransaction<T>(db: Queryable, work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  const client = isPool(db) ? await db.connect() : db;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    if (client !== db) (client as pg.PoolClient).release();
  }
}

/** Runs `work` in a transaction of its own holding the partition lock. */
function withPartitionLock<T>(db: Queryable, work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  return withTransaction(db, async (client) => {
    await client.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    await client.query(`SELECT pg_advisory_xact_lock(${PARTITION_LOCK})`);
    return work(client);
  });
}

/** Makes sure the partitions of these days (UTC day starts) exist. */
export async function ensureRequestPartitions(db: Queryable, days: Iterable<number>): Promise<void> {
  const missing = [...new Set(days)].filter((day) => !known.has(day)).sort((a, b) => a - b);
  if (missing.length === 0) return;
  await withPartitionLock(db, async (client) => {
    for (const day of missing) {
      const from = new Date(day).toISOString();
      const to = new Date(day + DAY_MS).toISOString();
      await client.query(`CREATE TABLE IF NOT EXISTS analytics.${partitionName(day)} PARTITION OF analytics.request FOR VALUES FROM ('${from}') TO ('${to}')`);
    }
  });
  for (const day of missing) known.add(day);
}

/** Forgets what this process knows, e.g. after an insert found a partition missing. */
export function forgetRequestPartitions(): void {
  known.clear();
}

export async function listRequestPartitions(db: Queryable): Promise<{ name: string; day: number }[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i
       JOIN pg_class c ON c.oid = i.inhrelid
       JOIN pg_class p ON p.oid = i.inhparent
       JOIN pg_namespace n ON n.oid = p.relnamespace
     WHERE n.nspname = 'analytics' AND p.relname = 'request'`,
  );
  return rows.flatMap(({ name }) => {
    const day = dayOfPartition(name);
    return day === null ? [] : [{ name, day }];
  });
}

/** Drops every partition of a day before `cutoffDay`; returns the names dropped. */
export async function dropRequestPartitionsBefore(db: Queryable, cutoffDay: number): Promise<string[]> {
  const old = (await listRequestPartitions(db)).filter((p) => p.day < cutoffDay).sort((a, b) => a.day - b.day);
  if (old.length === 0) return [];
  await withPartitionLock(db, async (client) => {
    for (const { name } of old) await client.query(`DROP TABLE IF EXISTS analytics.${name}`);
  });
  for (const { day } of old) known.delete(day);
  return old.map((p) => p.name);
}
