// COPY ... FROM STDIN for a batch's rows, already in COPY's text format: COPY is the cheapest
// way into PostgreSQL on both sides (bench:analytics' baseline), with no array literals to build
// here or to parse there. pg-copy-streams speaks the protocol's CopyIn for node-postgres.
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type pg from "pg";
import { from as copyStream } from "pg-copy-streams";

/** Runs `COPY <target> FROM STDIN` with `data` (text format, one line per row). */
export async function copyFrom(client: pg.ClientBase, target: string, data: string): Promise<void> {
  const sink = client.query(copyStream(`COPY ${target} FROM STDIN`));
  await pipeline(Readable.from([Buffer.from(data, "utf8")]), sink);
}

const SPECIAL = /[\\\t\n\r]/;

/** A value as a COPY text-format field: \N for null; backslash, tab, newline and CR escaped. */
export function copyField(value: string | number | boolean | null): string {
  if (value === null) return "\\N";
  if (typeof value !== "string") return String(value);
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}
