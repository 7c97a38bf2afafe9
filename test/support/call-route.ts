// Calls a Next.js route handler in-process, as the management API would be called over HTTP,
// as one identity (see identities.ts): the bootstrap admin token unless `as` says otherwise.
import { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { bootstrapAdmin, type Caller } from "./identities";
import { readAnswer, type Answer } from "./read-answer";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = {
  method?: string;
  /** Under /api/v1 (e.g. "/apis?lifecycle=draft"), or a whole path when it starts with /api/. */
  path?: string;
  body?: unknown;
  rawBody?: string;
  /** Who calls: an identity or a raw token; null sends no credentials. */
  as?: Caller | null;
  /** Extra headers, applied last; null removes one (e.g. `{ origin: null }`). */
  headers?: Record<string, string | null>;
  params?: Record<string, string>;
};

export async function callRoute(handler: unknown, options: CallOptions = {}): Promise<Answer> {
  const consoleOrigin = new URL(env().NEXTAUTH_URL).origin;
  const headers = new Headers({ "content-type": "application/json" });
  const way = options.as === undefined ? bootstrapAdmin.way : options.as?.way;
  if (way && "bearer" in way) headers.set("authorization", `Bearer ${way.bearer}`);
  if (way && "sessionCookie" in way) {
    headers.set("cookie", way.sessionCookie);
    // What a browser sends from the console's own pages: cookie calls come with the console's Origin.
    headers.set("origin", consoleOrigin);
    headers.set("sec-fetch-site", "same-origin");
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  const path = options.path ?? "/";
  const request = new NextRequest(`${consoleOrigin}${path.startsWith("/api/") ? path : `/api/v1${path}`}`, {
    method: options.method ?? "GET",
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  return readAnswer(await (handler as Handler)(request, { params: Promise.resolve(options.params ?? {}) }));
}
