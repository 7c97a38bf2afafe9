// One id per management API request, in its answer and in every log line it causes, so a
// caller's report ("x-request-id: …") leads straight to the server's side of the story.
import { randomUUID } from "node:crypto";
import { withLogContext } from "@/lib/logger";

export const REQUEST_ID_HEADER = "x-request-id";

// A proxy's or client's id is kept only when it is a plain token: it lands in logs and headers.
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when it is a plain token, otherwise a fresh UUID. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get(REQUEST_ID_HEADER);
  return given !== null && ACCEPTED_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Runs `work` with the request's id on its log lines, and sets the id on the answer. */
export async function withRequestId(request: Request, work: () => Promise<Response>): Promise<Response> {
  const requestId = requestIdOf(request);
  const response = await withLogContext({ requestId }, work);
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } catch {
    // Headers of some responses (Response.redirect) are immutable: answer with a copy.
    const copy = new Response(response.body, response);
    copy.headers.set(REQUEST_ID_HEADER, requestId);
    return copy;
  }
}
