// One id follows a request through gateway logs, the backend and the response,
// so a client's bug report can be matched to both sides.
import { randomUUID } from "node:crypto";

/** Conservative on purpose: the id ends up in logs and response headers. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:\-]{1,128}$/;

/** Keeps a caller's x-request-id when it is safe to echo, else mints one. */
export function resolveRequestId(incoming: string | string[] | undefined): string {
  const candidate = Array.isArray(incoming) ? incoming[0] : incoming;
  return candidate !== undefined && ACCEPTABLE_ID.test(candidate) ? candidate : randomUUID();
}
