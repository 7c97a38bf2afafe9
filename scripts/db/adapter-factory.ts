// The adapter factory handed to the schema engine, with a SAFE shadow database.
//
// adapter-pg's own connectToShadowDb() spreads `{ ...config, database }` over a
// config that holds a connectionString, and pg lets the connection string
// win: the "shadow" database is then the real one, and `create` would replay
// every migration onto (and reset) the developer's database. This factory
// creates a uniquely named database itself and connects by rewritten URL.
import { randomUUID } from "node:crypto";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { databaseName, debugLog, withDatabase } from "./config";
import { connectAdapter } from "./adapter";
import { createDatabaseVia, dropDatabaseVia } from "./pg-admin";

// Same prefix as Prisma's CLI, so leftovers are recognisable (and greppable).
export const SHADOW_DB_PREFIX = "prisma_migrate_shadow_db_";

export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";
  /** Shadow databases created and not yet dropped, for cleanup on failure. */
  private readonly liveShadowDbs = new Set<string>();

  constructor(private readonly url: string) {}

  connect(): Promise<SqlDriverAdapter> {
    return connectAdapter(this.url);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const name = SHADOW_DB_PREFIX + randomUUID();
    const shadowUrl = withDatabase(this.url, name);
    // Belt and braces: never hand out the main database as a shadow.
    if (databaseName(shadowUrl) === databaseName(this.url)) {
      throw new Error("refusing to use the main database as the shadow database");
    }

    await createDatabaseVia(this.url, name);
    this.liveShadowDbs.add(name);
    debugLog(`created shadow database ${name}`);
    const adapter = await connectAdapter(shadowUrl);

    // The pool must be closed before the drop, or PostgreSQL refuses it
    // ("database is being accessed by other users").
    const closePool = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await closePool();
      await this.dropShadowDb(name);
    };
    return adapter;
  }

  /**
   * Drops shadow databases the engine did not dispose (e.g. after an error).
   * Never throws, so it cannot hide the error that caused the leftovers.
   */
  async dropLeftoverShadowDbs(): Promise<void> {
    for (const name of [...this.liveShadowDbs]) {
      await this.dropShadowDb(name).catch((error: Error) => {
        console.warn(`Could not drop shadow database ${name}: ${error.message}`);
      });
    }
  }

  private async dropShadowDb(name: string): Promise<void> {
    if (!this.liveShadowDbs.delete(name)) return;
    await dropDatabaseVia(this.url, name);
    debugLog(`dropped shadow database ${name}`);
  }
}
