// Keyset (cursor) paging, written once for every list of the management API. A list is
// ordered by a few columns plus `id` (unique, so the order is total and stable even when
// timestamps or names are equal); the cursor is the sort values of the last row of the
// previous page, base64url-encoded, so it is opaque to clients, needs no lookup, and
// rows inserted or deleted meanwhile never shift or repeat a page.
import { z } from "zod";
import { ApiError } from "./errors";
import { safeText } from "./safe-text";

export const MAX_PAGE_SIZE = 200;

/** `limit` and `cursor`: spread into each list's query schema. */
export const pageQueryFields = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50).describe(`Page size (1-${MAX_PAGE_SIZE}, default 50)`),
  cursor: safeText().min(1).max(1000).optional().describe("nextCursor of the previous page (opaque)"),
};
export type PageQuery = { limit: number; cursor?: string };

/** `{items, nextCursor}`, the shape of every list answer. */
export function pageOf<T extends z.ZodType>(item: T, id: string, order: string) {
  return z
    .object({
      items: z.array(item).describe(order),
      nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page"),
    })
    .meta({ id });
}
export type Page<T> = { items: T[]; nextCursor: string | null };

type Direction = "asc" | "desc";
/** A sort column (text unless told); `date` columns travel in the cursor as ISO strings. */
export type SortKey<Field extends string> = { field: Field; direction: Direction; type?: "string" | "date" | "number" };

type Value = string | number | Date;

const badCursor = () => new ApiError("bad_request", "Invalid cursor: pass the nextCursor of a previous page of the same list");

function encode(values: Value[]): string {
  return Buffer.from(JSON.stringify(values.map((v) => (v instanceof Date ? v.toISOString() : v)))).toString("base64url");
}

function decode(cursor: string, keys: SortKey<string>[]): Value[] {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(raw) || raw.length !== keys.length) throw badCursor();
  return raw.map((v: unknown, i) => {
    const type = keys[i].type ?? "string";
    if (type === "number") {
      if (!Number.isSafeInteger(v)) throw badCursor();
      return v as number;
    }
    if (typeof v !== "string") throw badCursor();
    if (type === "string") return v;
    const at = new Date(v);
    if (Number.isNaN(at.getTime())) throw badCursor();
    return at;
  });
}

/**
 * The query arguments of one page (`where` to AND with the list's filters, `orderBy`,
 * `take`) and `answer`, which turns the fetched rows into `{items, nextCursor}`.
 * Where/OrderBy are the model's Prisma input types, named by the caller.
 */
export function cursorPage<Where, OrderBy, Field extends string = string>(query: PageQuery, sort: SortKey<Field>[]) {
  const last = sort.at(-1)?.direction ?? "asc";
  const keys: SortKey<string>[] = [...sort, { field: "id", direction: last }];
  const after = query.cursor ? decode(query.cursor, keys) : null;

  const beyond = (key: SortKey<string>, value: Value) => ({ [key.field]: { [key.direction === "asc" ? "gt" : "lt"]: value } });
  // (a, b, id) after (va, vb, vid): a beyond va, or a = va and b beyond vb, or ... The
  // leading `a >= va` bound lets PostgreSQL start the index scan at the cursor.
  const where = after
    ? {
        AND: [
          { [keys[0].field]: { [keys[0].direction === "asc" ? "gte" : "lte"]: after[0] } },
          {
            OR: keys.map((key, i) => ({
              AND: [...keys.slice(0, i).map((k, j) => ({ [k.field]: after[j] })), beyond(key, after[i])],
            })),
          },
        ],
      }
    : {};

  return {
    where: where as Where,
    orderBy: keys.map((k) => ({ [k.field]: k.direction })) as OrderBy[],
    /** One more than the page: its presence says a next page exists. */
    take: query.limit + 1,
    answer<Row, Item>(rows: Row[], toItem: (row: Row) => Item): Page<Item> {
      const page = rows.slice(0, query.limit);
      const tail = page.at(-1) as Record<string, Value> | undefined;
      return {
        items: page.map(toItem),
        nextCursor: rows.length > query.limit && tail ? encode(keys.map((k) => tail[k.field])) : null,
      };
    },
  };
}
