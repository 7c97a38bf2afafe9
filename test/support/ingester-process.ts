// The analytics ingester as `npm start` runs it (scripts/analytics-ingester.ts in a process of
// its own), for tests that kill it, restart it or run several.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Starts an ingester on the config channel `prefix`; resolves once its worker is taking jobs. */
export function startIngesterProcess(opts: { prefix: string; lockMs?: number; concurrency?: number }): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/analytics-ingester.ts"], {
    cwd: root,
    env: {
      ...process.env,
      CONFIG_CHANNEL_PREFIX: opts.prefix,
      ANALYTICS_INGEST_LOCK_MS: String(opts.lockMs ?? 30_000),
      ANALYTICS_INGEST_CONCURRENCY: String(opts.concurrency ?? 2),
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`the ingester did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("analytics ingester started")) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the ingester exited (${signal ?? code}) before it started:\n${output}`));
    });
  });
}
