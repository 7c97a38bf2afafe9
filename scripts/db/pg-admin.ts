// Database-level housekeeping with plain `pg`: the schema engine's WebAssembly
// build cannot create or drop databases, so the tool does it itself.
import pg from "pg";
import { databaseName, redact, withDatabase } from "./config";
import { isUnreachable, unreachableError, UserError } from "./errors";

/**
 * Runs `fn` with a short-lived client on `url`, translating "server not
 * running" into the one message that tells the user how to start it.
 */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    if (isUnreachable(error)) throw unreachableError(url);
    throw new UserError(`Cannot connect to ${redact(url)}: ${(error as Error).message}`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The `postgres` maintenance database on the same server. */
function maintenanceUrl(url: string): string {
  return withDatabase(url, "postgres");
}

export async function databaseExists(url: string): Promise<boolean> {
  return withClient(maintenanceUrl(url), async (client) => {
    const res = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName(url)]);
    return res.rowCount === 1;
  });
}

/** Creates the database named in `url` if it is missing; true if it did. */
export async function ensureDatabase(url: string): Promise<boolean> {
  if (await databaseExists(url)) return false;
  try {
    await createDatabaseVia(maintenanceUrl(url), databaseName(url));
  } catch (error) {
    // Another process (a parallel test, a second deploy) won the race.
    if ((error as { code?: string }).code === "42P04") return false;
    throw error;
  }
  return true;
}

/** Drops the database named in `url`, if it exists. */
export async function dropDatabase(url: string): Promise<void> {
  await dropDatabaseVia(maintenanceUrl(url), databaseName(url));
}

/** Creates database `name`, connecting through `url` (which must already exist). */
export async function createDatabaseVia(url: string, name: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
}

/**
 * Drops database `name`, connecting through `url`. WITH (FORCE) (PostgreSQL
 * 13+) ends sessions still connected to it, e.g. a dev server left running.
 */
export async function dropDatabaseVia(url: string, name: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  });
}
