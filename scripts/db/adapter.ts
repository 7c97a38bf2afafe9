// A `@prisma/adapter-pg` connection fit for the schema engine. Adapter-pg is
// written for Prisma Client queries; driving migrations with it exposes two
// defects (7.10), fixed here without patching node_modules:
//  1. the engine's catalog queries return PostgreSQL's internal "char" type
//     (OID 18, e.g. pg_class.relkind), which adapter-pg refuses to read;
//  2. executeScript() splits the script on every `;` (breaking `'a;b'`
//     literals and `$$` function bodies) and runs the pieces on whatever pool
//     connection is free.
// The third defect (the shadow database) is handled in adapter-factory.ts.
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import pg from "pg";

const PG_CHAR_OID = 18; // "char": a single byte, the catalog's enum-like flags
const PG_TEXT_OID = 25;

type FieldsCarrier = { fields?: Array<{ dataTypeID: number }> };

/** Relabels "char" columns as text; pg already parsed their values as strings. */
function charAsText<T>(result: T): T {
  for (const r of (Array.isArray(result) ? result : [result]) as FieldsCarrier[]) {
    for (const field of r?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
  }
  return result;
}

/**
 * A pg.Client whose results never report OID 18. Used as the pool's Client
 * class, so it covers both pool.query() (callback style, inside pg-pool) and
 * transaction clients (promise style), and nothing else in the process.
 */
class CatalogFriendlyClient extends pg.Client {
  // pg's query() has many overloads; this wrapper only touches the result, so it passes them all through.
  /* eslint-disable @typescript-eslint/no-explicit-any -- only `any` is assignable to every overload */
  override query(...args: any[]): any {
    const query = super.query as (...a: any[]) => any;
    /* eslint-enable @typescript-eslint/no-explicit-any */
    const cbIndex = args.findIndex((a) => typeof a === "function");
    if (cbIndex >= 0) {
      const callback = args[cbIndex];
      args[cbIndex] = (err: unknown, res: unknown) => callback(err, err ? res : charAsText(res));
      return query.apply(this, args);
    }
    const ret = query.apply(this, args);
    return ret && typeof ret.then === "function" ? ret.then(charAsText) : ret;
  }
}

/**
 * Opens an adapter on `url`. The pool holds ONE long-lived connection, as
 * the native engine does: the engine takes a session-level advisory lock
 * while applying migrations; with several connections it could take it on
 * one and wait for it on another, and an idle timeout would silently drop it.
 */
export async function connectAdapter(url: string): Promise<SqlDriverAdapter> {
  const pool = new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 0, Client: CatalogFriendlyClient });
  // An idle connection dropped by the server must not crash the process.
  pool.on("error", () => {});
  const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();

  // Defect 2: send the whole script as one simple-protocol query, on one
  // connection, like the native engine. executeRaw with no arguments does
  // exactly that (pg only prepares statements that have parameters) and
  // reports failures as adapter errors the engine understands.
  adapter.executeScript = async (script: string) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  return adapter;
}
