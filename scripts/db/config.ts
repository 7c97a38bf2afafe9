// Where the migration tool finds its inputs. Everything that depends on the
// environment or on the repository layout is read here, in one place.
import path from "node:path";
import { fileURLToPath } from "node:url";

const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/portcullis";

// Resolved from this file rather than process.cwd(), so the tool behaves the
// same whether it is run from the repository root, a test, or a sub-folder.
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCHEMA_PATH = path.join(REPO_ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma", "migrations");

/** The database to migrate: env DATABASE_URL, or the local development default. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`DATABASE_URL is not a valid URL: ${redact(raw)}`);
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new Error(`DATABASE_URL must be a postgresql:// URL, got ${redact(raw)}`);
  }
  if (databaseName(raw) === "") {
    throw new Error(`DATABASE_URL must name a database, e.g. ${DEFAULT_DATABASE_URL}`);
  }
  return raw;
}

/** Extra diagnostics on stderr (engine log, shadow databases) with MIGRATE_DEBUG=1. */
export function debugLog(message: string): void {
  if (process.env.MIGRATE_DEBUG) process.stderr.write(`[migrate] ${message}\n`);
}

/** The database name in a connection URL (its path, without the slash). */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

/**
 * The same server and credentials, another database. Used for the `postgres`
 * maintenance database and for shadow databases. It rewrites the URL because
 * pg lets `connectionString` win over a separate `database` option (the very
 * bug that makes adapter-pg's own shadow database point at the real one).
 */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = "/" + encodeURIComponent(name);
  return u.toString();
}

/** The URL with any password hidden, for messages and logs. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ":***@");
  }
}
