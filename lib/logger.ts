// The console's structured log: JSON lines through pino, like the gateway's, so one collector
// reads both. Fields bound with withLogContext (a request id, a task name) reach every line
// logged beneath it, however deep in the services, without being passed down by hand.
import { AsyncLocalStorage } from "node:async_hooks";
import { pino, type Logger } from "pino";
import { env } from "@/lib/env";

type LogContext = Record<string, string>;

const context = new AsyncLocalStorage<LogContext>();
const globalForLogger = globalThis as unknown as { portcullisLogger?: Logger };

export function logger(): Logger {
  globalForLogger.portcullisLogger ??= pino({
    level: env().LOG_LEVEL,
    base: { service: "portcullis-console" },
    mixin: () => context.getStore() ?? {},
  });
  return globalForLogger.portcullisLogger;
}

/** Runs `work` with `fields` added to every line it logs, including after its awaits. */
export function withLogContext<T>(fields: LogContext, work: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, work);
}
