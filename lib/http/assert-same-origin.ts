// CSRF defence for the session cookie: browsers attach it to requests from any page (a no-cors
// text/plain POST needs no preflight), but they always say where a request comes from.
import { ApiError } from "./errors";
import { consoleOrigins } from "./console-origins";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Refuses a state-changing request unless its Origin is the console's; without an Origin
 * (older browsers on same-origin requests) `Sec-Fetch-Site: same-origin` is the proof. A request
 * with neither is refused: every browser sends one of them, and scripts should use a Bearer token.
 * `Origin: null` (sandboxed frames, data: URLs, some redirects) is never the console.
 */
export function assertSameOrigin(request: Request, allowed: ReadonlySet<string> = consoleOrigins()): void {
  if (isSafeMethod(request.method)) return;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (allowed.has(origin)) return;
    throw new ApiError("cross_origin_refused", `Changes signed in by cookie must come from the console itself, not from '${origin.slice(0, 100)}'`);
  }
  if (request.headers.get("sec-fetch-site") === "same-origin") return;
  throw new ApiError("cross_origin_refused", "Changes signed in by cookie must come from the console itself (no Origin header); scripts should send 'Authorization: Bearer <token>'");
}
