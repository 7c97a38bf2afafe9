// Browser-side hardening for every console, portal and API response. The page CSP is built per
// request (proxy.ts) because it carries a nonce; the rest is static (next.config.ts).

/** On every response: no MIME sniffing, no framing by other sites, no URLs leaked in Referer. */
export const staticSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Legacy twin of frame-ancestors 'none' for browsers without CSP level 2.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
] as const;

/** JSON answers render nothing, so they may load nothing and be framed by no one. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts run only with this request's nonce (Next stamps it on its own scripts and inline
 * bootstrap); 'strict-dynamic' lets those load their chunks, including swagger-ui's. Styles allow
 * 'unsafe-inline' because server-rendered style attributes cannot carry a nonce and CSS cannot
 * run script. swagger-ui needs data: images (its icons), same-origin fetches and, for the portal's
 * try-it, fetches to the gateway (`gatewayOrigin`), no workers.
 */
export function pageContentSecurityPolicy(nonce: string, options: { development: boolean; https: boolean; gatewayOrigin?: string }): string {
  return [
    "default-src 'self'",
    // React's dev build evaluates code for its error overlays; production never needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.gatewayOrigin ? ` ${options.gatewayOrigin}` : ""}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only over https: on plain-http localhost it would rewrite every asset URL to https.
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
