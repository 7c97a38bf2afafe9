// Loads Prisma's schema engine (WebAssembly build) and connects it to
// PostgreSQL through our adapter factory. The Prisma 7 CLI only drives the
// native engine binary, which this machine cannot download.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { MigrationAdapterFactory } from "./adapter-factory";
import { debugLog } from "./config";

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

// The package entry does `import * as wasm from "./x.wasm"`, which Node 20
// cannot import; wire the JS glue and the .wasm module together by hand.
async function loadEngineModule(): Promise<Glue> {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Glue;
  const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

// Rust panics report their message through this global before the wasm
// traps; without it the message is lost and only "unreachable" remains.
let lastPanic: string | undefined;
(globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message: string) {
    lastPanic = message;
  },
};

/**
 * Adds the Rust panic message, if there was one, to an engine failure. A
 * panic can also surface as an uncaught "RuntimeError: unreachable" thrown
 * from a promise job, which migrate.ts catches and passes through here.
 */
export function withPanicMessage(error: unknown): unknown {
  if (lastPanic === undefined || !(error instanceof Error)) return error;
  error.message = `Schema engine panicked: ${lastPanic}\n${error.message}`;
  lastPanic = undefined;
  return error;
}

export interface OpenEngine {
  engine: SchemaEngine;
  factory: MigrationAdapterFactory;
}

/**
 * An engine for the database at `url`, reading the given schema files.
 * Set MIGRATE_DEBUG=1 to see the engine's own log lines on stderr.
 */
export async function openEngine(url: string, schemaFiles?: Array<[string, string]>): Promise<OpenEngine> {
  const glue = await loadEngineModule();
  const factory = new MigrationAdapterFactory(url);
  const log = (line: string) => debugLog(`engine: ${line.trimEnd()}`);
  // The engine needs the error-capturing wrapper; a bare PrismaPg fails with
  // "Cannot read properties of null (reading 'externalPool')".
  const engine = await glue.SchemaEngine.new(
    { datamodels: schemaFiles },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return { engine, factory };
}
