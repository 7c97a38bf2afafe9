// Calls a Next.js route handler in-process, as the management API would be called over HTTP.
import { NextRequest } from "next/server";

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
    params?: Record<string, string>;
  } = {},
) {
  const headers = new Headers({ "content-type": "application/json" });
  const token = options.token === undefined ? TEST_ADMIN_TOKEN : options.token;
  if (token !== null) headers.set("authorization", `Bearer ${token}`);
  if (options.cookie) headers.set("cookie", options.cookie);
  const request = new NextRequest(`http://localhost/api/v1${options.path ?? "/"}`, {
    method: options.method ?? "GET",
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const response = await (handler as Handler)(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
