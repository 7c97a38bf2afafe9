// Node gives a header repeated by the client as an array; policies act on its first value.
import type { IncomingHttpHeaders } from "node:http";

/** The first value of header `name` (lower case, as Node stores incoming names). */
export function firstHeaderValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
