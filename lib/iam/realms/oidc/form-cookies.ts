// Cookies of a realm's own HTML forms (sign-in, account, broker): reading one, and the
// double-submit CSRF check every POST of those forms makes.
import { timingSafeEqual } from "node:crypto";
import { consoleOrigins } from "@/lib/http/console-origins";

/** One cookie of a request, or null. */
export function cookieValue(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return null;
}

/** The form came from our own origin (when the browser says) and its csrf_token matches the cookie `csrfCookie`. */
export function csrfHolds(request: Request, form: URLSearchParams, csrfCookie: string): boolean {
  const origin = request.headers.get("origin");
  if (origin !== null && !consoleOrigins().has(origin)) return false;
  const cookie = cookieValue(request, csrfCookie);
  const field = form.get("csrf_token");
  if (!cookie || !field || cookie.length !== field.length) return false;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(field));
}
