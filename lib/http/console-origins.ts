// The origins the console's own pages are served from: the only ones allowed to make
// cookie-authenticated changes (see assert-same-origin.ts) and to be redirected to after login.
import { env } from "@/lib/env";

// One machine answers all of these on the same port, so a page loaded from any of them is the
// console itself (`npm start` prints localhost, the demo backend prints 127.0.0.1). Another port
// or scheme is another origin and stays refused.
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/** NEXTAUTH_URL's origin, plus its loopback aliases (same scheme and port) when it is a loopback URL. */
export function consoleOrigins(nextAuthUrl: string = env().NEXTAUTH_URL): ReadonlySet<string> {
  const base = new URL(nextAuthUrl);
  const origins = new Set([base.origin]);
  if (LOOPBACK_HOSTS.includes(base.hostname)) {
    for (const host of LOOPBACK_HOSTS) {
      const alias = new URL(base.origin);
      alias.hostname = host;
      origins.add(alias.origin);
    }
  }
  return origins;
}

/** The canonical console origin (NEXTAUTH_URL's), e.g. for resolving relative URLs. */
export function consoleOrigin(nextAuthUrl: string = env().NEXTAUTH_URL): string {
  return new URL(nextAuthUrl).origin;
}
