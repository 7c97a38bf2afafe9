// The realm account page's HTML (same look and CSP as the sign-in form): the factors a user has,
// forms to add an authenticator app or a passkey, new recovery codes (shown once), removal.
import type { MfaFactor } from "@/generated/prisma/client";
import { escapeHtml, layout, securityHeaders } from "../oidc/login-page";
import { allowScriptNonce, newScriptNonce, passkeyFormHtml } from "../oidc/passkey-form";

export type AccountPageFrame = { realmDisplayName: string; action: string; csrfToken: string; cookies: string[]; status?: number; error?: string; notice?: string };

const hiddenFields = (frame: AccountPageFrame, fields: Record<string, string>) =>
  Object.entries({ ...fields, csrf_token: frame.csrfToken })
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n");

const button = (frame: AccountPageFrame, fields: Record<string, string>, label: string) =>
  `<form method="post" action="${escapeHtml(frame.action)}">${hiddenFields(frame, fields)}<button type="submit">${escapeHtml(label)}</button></form>`;

function respond(frame: AccountPageFrame, body: string, nonce?: string): Response {
  const messages = `${frame.error ? `<p class="error" role="alert">${escapeHtml(frame.error)}</p>` : ""}${frame.notice ? `<p role="status">${escapeHtml(frame.notice)}</p>` : ""}`;
  const headers = new Headers(nonce ? allowScriptNonce(securityHeaders(null), nonce) : securityHeaders(null));
  for (const cookie of frame.cookies) headers.append("set-cookie", cookie);
  const html = layout(`Your ${frame.realmDisplayName} account`, `<h1>${escapeHtml(frame.realmDisplayName)}</h1>\n${messages}\n${body}`);
  return new Response(html, { status: frame.status ?? 200, headers });
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "never");

export function renderAccountOverview(
  frame: AccountPageFrame,
  view: { username: string; factors: MfaFactor[]; recoveryCodesRemaining: number; passkeyOptions: object | null; room: boolean; required: boolean },
): Response {
  const rows = view.factors
    .map(
      (f) => `<tr><td>${f.type === "TOTP" ? "authenticator app" : "passkey"}</td><td>${escapeHtml(f.label)}</td><td>${day(f.createdAt)}</td><td>${day(f.lastUsedAt)}</td>
<td>${button(frame, { intent: "remove-factor", factor_id: f.id }, `Remove ${f.label}`)}</td></tr>`,
    )
    .join("\n");
  const nonce = newScriptNonce();
  const body = `<p>Signed in as <strong>${escapeHtml(view.username)}</strong>.${view.required ? " This realm requires a second factor." : ""}</p>
<h2>Second factors</h2>
${view.factors.length ? `<table aria-label="Second factors"><tr><th>Type</th><th>Name</th><th>Added</th><th>Last used</th><th></th></tr>\n${rows}</table>` : "<p>No second factor yet.</p>"}
${view.room ? button(frame, { intent: "totp-start" }, "Add authenticator app") : ""}
${view.passkeyOptions ? passkeyFormHtml({ kind: "create", options: view.passkeyOptions }, { action: frame.action, hiddenHtml: hiddenFields(frame, { intent: "passkey-register" }), label: "Add passkey" }, nonce) : ""}
<h2>Recovery codes</h2>
<p>${view.recoveryCodesRemaining} unused recovery codes.</p>
${view.factors.length ? button(frame, { intent: "recovery-codes" }, "New recovery codes") : ""}
<hr>${button(frame, { intent: "sign-out" }, "Sign out")}`;
  return respond(frame, body, view.passkeyOptions ? nonce : undefined);
}

export function renderTotpEnrolment(frame: AccountPageFrame, enrolment: { factorId: string; secret: string; qrDataUrl: string }): Response {
  const body = `<h2>Add an authenticator app</h2>
<p>Scan this code with an authenticator app, then enter the code it shows.</p>
<img alt="QR code for your authenticator app" src="${escapeHtml(enrolment.qrDataUrl)}" width="220" height="220">
<p>Or enter this key by hand: <code data-testid="totp-secret">${escapeHtml(enrolment.secret)}</code></p>
<form method="post" action="${escapeHtml(frame.action)}">
${hiddenFields(frame, { intent: "totp-confirm", factor_id: enrolment.factorId })}
<label for="otp">Code from the app</label><input id="otp" name="otp" autocomplete="one-time-code" inputmode="numeric" required autofocus>
<button type="submit">Confirm</button>
</form>
<p><a href="${escapeHtml(frame.action)}">Back to your account</a></p>`;
  return respond(frame, body);
}

export function renderRecoveryCodes(frame: AccountPageFrame, codes: string[]): Response {
  const body = `<h2>Your recovery codes</h2>
<p>Keep them somewhere safe: each signs you in once instead of a second factor, and they are shown only now.</p>
<ul data-testid="recovery-codes">${codes.map((c) => `<li><code>${escapeHtml(c)}</code></li>`).join("")}</ul>
<p><a href="${escapeHtml(frame.action)}">Back to your account</a></p>`;
  return respond(frame, body);
}
