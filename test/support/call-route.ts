// Calls a Next.js route handler in-process, as the management API would be called over HTTP.
import { NextRequest } from "next/server";
import { env } from "@/lib/env";

export const TEST_ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function callRoute(
  handler: unknown,
  options: {
    method?: string;
    path?: string;
    body?: unknown;
    rawBody?: string;
    /** Bearer token; defaults to the bootstrap admin token, null for none. */
    token?: string | null;
    /** A Cookie header, e.g. a next-auth session (pass token: null with it). */
    cookie?: string;
    /** Extra headers, applied last; null removes one (e.g. `{ origin: null }`). */
    headers?: Record<string, string | null>;
    params?: Record<string, string>;
  } = {},
) {
  const consoleOrigin = new URL(env().NEXTAUTH_URL).origin;
  const headers = new Headers({ "content-type": "application/json" });
  const token = options.token === undefined ? TEST_ADMIN_TOKEN : options.token;
  if (token !== null) headers.set("authorization", `Bearer ${token}`);
  if (options.cookie) {
    headers.set("cookie", options.cookie);
    // What a browser sends from the console's own pages: cookie calls come with the console's Origin.
    headers.set("origin", consoleOrigin);
    headers.set("sec-fetch-site", "same-origin");
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  const request = new NextRequest(`${consoleOrigin}/api/v1${options.path ?? "/"}`, {
    method: options.method ?? "GET",
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const response = await (handler as Handler)(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
