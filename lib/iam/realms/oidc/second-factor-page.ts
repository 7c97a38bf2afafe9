// The realm's second sign-in step, as script-less HTML like the password form: a code field
// (TOTP or recovery code), and when policy requires a factor the user does not have yet, the
// QR code and secret to add to an authenticator app first. The pending-MFA token and a fresh
// CSRF token travel as hidden fields; no authorization code exists until the code passes.
import { escapeHtml, layout, securityHeaders } from "./login-page";

export function renderSecondFactorPage(options: {
  realmDisplayName: string;
  action: string;
  hidden: Record<string, string>;
  csrfToken: string;
  mfaToken: string;
  enrolment?: { secret: string; qrDataUrl: string };
  error?: string;
  redirectOrigin: string;
  status?: number;
  setCookie: string;
}): Response {
  const hidden = Object.entries({ ...options.hidden, csrf_token: options.csrfToken, mfa_token: options.mfaToken })
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
  const enrol = options.enrolment
    ? `<p>This realm requires a second factor. Scan this code with an authenticator app, then enter the code it shows.</p>
<img alt="QR code for your authenticator app" src="${escapeHtml(options.enrolment.qrDataUrl)}" width="220" height="220">
<p>Or enter this key by hand: <code>${escapeHtml(options.enrolment.secret)}</code></p>`
    : `<p>Enter the code from your authenticator app, or one of your recovery codes.</p>`;
  const body = `<h1>${escapeHtml(options.realmDisplayName)}</h1>
${enrol}
${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ""}
<form method="post" action="${escapeHtml(options.action)}">
${hidden}
<label for="otp">Code</label><input id="otp" name="otp" autocomplete="one-time-code" inputmode="text" required autofocus>
<button type="submit">Continue</button>
</form>`;
  return new Response(layout(`Sign in to ${options.realmDisplayName}`, body), {
    status: options.status ?? 200,
    headers: { ...securityHeaders(options.redirectOrigin), "set-cookie": options.setCookie },
  });
}
