// Strings and instants PostgreSQL can store. A NUL byte (22021), a lone UTF-16 surrogate
// (silently turned into U+FFFD in text, refused in jsonb) or a year outside 1..9999 (22008:
// Prisma writes years without an era, so year 0 and below do not parse) must be refused as
// bad input by the schema, not discovered by the database as a 500.
import { z } from "zod";

const UNSAFE_CHARACTERS = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const TEXT_PROBLEM = "must not contain NUL characters or unpaired UTF-16 surrogates";

/** True when PostgreSQL stores `value` exactly as given. */
export function isSafeText(value: string): boolean {
  return !UNSAFE_CHARACTERS.test(value);
}

/** z.string() that PostgreSQL can store; chain .trim(), .min(), .max() as usual. */
export function safeText() {
  return z.string().refine(isSafeText, TEXT_PROBLEM);
}

const EARLIEST = Date.parse("0001-01-01T00:00:00Z");
const LATEST = Date.parse("9999-12-31T23:59:59.999Z");

export const TIMESTAMP_PROBLEM = "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

/** True when `iso` is an instant PostgreSQL's timestamp columns take from Prisma. */
export function isStorableInstant(iso: string): boolean {
  const at = Date.parse(iso);
  return Number.isFinite(at) && at >= EARLIEST && at <= LATEST;
}

/** An ISO 8601 date-time with an offset (or Z), within what the database stores. */
export function storableDatetime() {
  return z.iso.datetime({ offset: true }).refine(isStorableInstant, TIMESTAMP_PROBLEM);
}
