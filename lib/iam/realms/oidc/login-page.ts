// The realm's sign-in page: plain server-rendered HTML, no script. Its CSP lets the form post
// only to itself and the redirect after it go only to the client's registered redirect URI.

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function securityHeaders(redirectOrigin: string | null): Record<string, string> {
  const formAction = ["'self'", redirectOrigin].filter(Boolean).join(" ");
  return {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
  };
}

export const layout = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;display:flex;justify-content:center}
main{background:#fff;margin-top:10vh;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002;width:20rem}
label{display:block;margin:.8rem 0 .2rem}input{width:100%;box-sizing:border-box;padding:.5rem}
button{margin-top:1.2rem;width:100%;padding:.6rem}.error{color:#b00020}</style></head>
<body><main>${body}</main></body></html>`;

export function renderLoginPage(options: {
  realmDisplayName: string;
  clientId: string;
  action: string;
  hidden: Record<string, string>;
  csrfToken: string;
  username?: string;
  error?: string;
  redirectOrigin: string;
  status?: number;
  setCookie: string;
  /** "Sign in with …" links to the realm's identity providers (../broker/broker-links.ts). */
  providers?: { label: string; href: string }[];
}): Response {
  const brokers = (options.providers ?? []).map((p) => `<p><a class="broker" href="${escapeHtml(p.href)}">Sign in with ${escapeHtml(p.label)}</a></p>`).join("\n");
  const hidden = Object.entries({ ...options.hidden, csrf_token: options.csrfToken })
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
  const body = `<h1>${escapeHtml(options.realmDisplayName)}</h1>
<p>Sign in to continue to <strong>${escapeHtml(options.clientId)}</strong>.</p>
${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ""}
<form method="post" action="${escapeHtml(options.action)}">
${hidden}
<label for="username">Username</label><input id="username" name="username" autocomplete="username" required value="${escapeHtml(options.username ?? "")}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
${brokers}`;
  return new Response(layout(`Sign in to ${options.realmDisplayName}`, body), {
    status: options.status ?? 200,
    headers: { ...securityHeaders(options.redirectOrigin), "set-cookie": options.setCookie },
  });
}

/** Errors that must not redirect (unknown client or redirect URI: RFC 6749 4.1.2.1). */
export function renderErrorPage(title: string, message: string, status: number): Response {
  return new Response(layout(title, `<h1>${escapeHtml(title)}</h1><p class="error">${escapeHtml(message)}</p>`), {
    status,
    headers: securityHeaders(null),
  });
}
