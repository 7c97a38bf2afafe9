// The realm's second sign-in step, as HTML like the password form: a code field (TOTP or a
// recovery code) and a passkey button, each only when the user has that factor; when policy
// requires a factor the user does not have yet, the QR code and secret for an authenticator app
// or a passkey to create. The pending-MFA token and a fresh CSRF token travel as hidden fields;
// no authorization code exists until a factor passes. The only script is passkey-form.ts's.
import { escapeHtml, layout, securityHeaders } from "./login-page";
import { allowScriptNonce, newScriptNonce, passkeyFormHtml } from "./passkey-form";
import type { RealmSecondStepView } from "./realm-second-step";

type PageOptions = RealmSecondStepView & {
  realmDisplayName: string;
  action: string;
  hidden: Record<string, string>;
  csrfToken: string;
  redirectOrigin: string;
  setCookie: string;
};

const codeHint = { totp: "Enter the code from your authenticator app, or one of your recovery codes.", recovery: "Enter one of your recovery codes." } as const;

function codeForm(action: string, hiddenHtml: string, label: string) {
  return `<form method="post" action="${escapeHtml(action)}">
${hiddenHtml}
<label for="otp">${escapeHtml(label)}</label><input id="otp" name="otp" autocomplete="one-time-code" inputmode="text" required autofocus>
<button type="submit">Continue</button>
</form>`;
}

export function renderSecondFactorPage(options: PageOptions): Response {
  const hiddenHtml = Object.entries({ ...options.hidden, csrf_token: options.csrfToken, mfa_token: options.mfaToken })
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");
  const nonce = newScriptNonce();
  const passkey = (kind: "get" | "create", passkeyOptions: object, label: string) =>
    passkeyFormHtml({ kind, options: passkeyOptions }, { action: options.action, hiddenHtml, label }, nonce);
  let factors: string;
  if (options.enrolment) {
    factors = `<p>This realm requires a second factor. Scan this code with an authenticator app, then enter the code it shows.</p>
<img alt="QR code for your authenticator app" src="${escapeHtml(options.enrolment.qrDataUrl)}" width="220" height="220">
<p>Or enter this key by hand: <code>${escapeHtml(options.enrolment.secret)}</code></p>
${codeForm(options.action, hiddenHtml, "Code")}
<p>Or use a passkey (this device, a security key or your phone) instead.</p>
${passkey("create", options.enrolment.passkey, "Create a passkey")}`;
  } else {
    const offers = options.offers ?? { code: "totp" as const, passkey: null };
    factors = [
      offers.code ? `<p>${codeHint[offers.code]}</p>\n${codeForm(options.action, hiddenHtml, offers.code === "totp" ? "Code" : "Recovery code")}` : "",
      offers.passkey ? passkey("get", offers.passkey, "Use a passkey") : "",
    ]
      .filter(Boolean)
      .join("\n");
  }
  const body = `<h1>${escapeHtml(options.realmDisplayName)}</h1>
${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ""}
${factors}`;
  const usesScript = Boolean(options.enrolment || options.offers?.passkey);
  const headers = securityHeaders(options.redirectOrigin);
  return new Response(layout(`Sign in to ${options.realmDisplayName}`, body), {
    status: options.status ?? 200,
    headers: { ...(usesScript ? allowScriptNonce(headers, nonce) : headers), "set-cookie": options.setCookie },
  });
}
