// A gateway as production runs it: compiled JavaScript in a process of its own, told its
// ports and config channel by environment. For tests and benchmarks that need real
// processes (several gateways on one Redis, a cluster of workers, a cold start).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Compiles the gateway into `outDir` (a folder of the caller's own: other runs rebuild
 * gateway-worker/dist meanwhile). Its entry point is `${outDir}/main.js`.
 */
export function compileGateway(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const tsc = spawn(path.join(root, "node_modules/.bin/tsc"), ["-p", "gateway-worker/tsconfig.json", "--outDir", outDir], { cwd: root, stdio: "inherit" });
    tsc.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`tsc exited with ${code}`))));
  });
}

/**
 * The environment of one gateway process on this host: its HTTP port, ephemeral ports for
 * the HTTPS and metrics listeners unless given (so several fit on one host), one worker
 * unless asked (the processes, not one gateway's workers, are what these runs compare).
 */
export function gatewayProcessEnv(opts: {
  port: number;
  redisUrl: string;
  prefix: string;
  workers?: number;
  metricsPort?: number;
  logLevel?: string;
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GATEWAY_PORT: String(opts.port),
    GATEWAY_HOST: "127.0.0.1",
    GATEWAY_METRICS_PORT: String(opts.metricsPort ?? 0),
    GATEWAY_HTTPS_PORT: "0",
    GATEWAY_WORKERS: String(opts.workers ?? 1),
    REDIS_URL: opts.redisUrl,
    CONFIG_CHANNEL_PREFIX: opts.prefix,
    LOG_LEVEL: opts.logLevel ?? "error",
  };
}

/** SIGTERM (the gateway drains), resolved once the process has exited. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}
