// CPU time spent, as a figure that a busy machine distorts less than a rate: this process's
// (process.cpuUsage) plus every PostgreSQL backend's serving the bench's database (/proc/<pid>/stat,
// utime + stime). The rate the two cores would sustain if only this work ran follows from it.
import { readFileSync } from "node:fs";
import type pg from "pg";

const TICK_MS = 10; // USER_HZ = 100 on Linux

function backendMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0; // gone, or not on this host
  }
}

/** A snapshot of CPU ms so far: ours and per backend of the database `db` is connected to. */
export async function cpuSnapshot(db: pg.Pool) {
  const { rows } = await db.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database()");
  const usage = process.cpuUsage();
  return { nodeMs: (usage.user + usage.system) / 1000, backends: new Map(rows.map(({ pid }) => [pid, backendMs(pid)])) };
}

export type CpuSnapshot = Awaited<ReturnType<typeof cpuSnapshot>>;

/** CPU ms between two snapshots (a backend first seen in `after` counts whole). */
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): { nodeMs: number; postgresMs: number } {
  let postgresMs = 0;
  for (const [pid, ms] of after.backends) postgresMs += ms - (before.backends.get(pid) ?? 0);
  return { nodeMs: after.nodeMs - before.nodeMs, postgresMs };
}
