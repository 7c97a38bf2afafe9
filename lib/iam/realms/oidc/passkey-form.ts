// Passkeys on the realm's own HTML pages (second step, account page). Those pages carry no
// bundle, so a small inline script, allowed by a per-response CSP nonce and nothing else, turns
// the options the server embedded (JSON, never executed) into navigator.credentials calls and
// posts the answer as JSON in a hidden field; the server verifies it (lib/iam/mfa/webauthn.ts).
import { randomBytes } from "node:crypto";
import { escapeHtml } from "./login-page";

export type PasskeyCeremony = { kind: "get" | "create"; options: object };

/** The form field the browser's answer travels in. */
export const passkeyField = { get: "passkey", create: "passkey_registration" } as const;

const script = `(() => {
  const bytes = (s) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
  const text = (b) => btoa(String.fromCharCode(...new Uint8Array(b))).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
  const ids = (list) => (list || []).map((c) => ({ ...c, id: bytes(c.id) }));
  for (const button of document.querySelectorAll("button[data-passkey]")) {
    button.addEventListener("click", async () => {
      const form = button.form;
      const o = JSON.parse(document.getElementById("passkey-options").textContent);
      try {
        let c, response;
        if (button.dataset.passkey === "create") {
          c = await navigator.credentials.create({ publicKey: { ...o, challenge: bytes(o.challenge), user: { ...o.user, id: bytes(o.user.id) }, excludeCredentials: ids(o.excludeCredentials) } });
          response = { clientDataJSON: text(c.response.clientDataJSON), attestationObject: text(c.response.attestationObject), transports: c.response.getTransports ? c.response.getTransports() : [] };
        } else {
          c = await navigator.credentials.get({ publicKey: { ...o, challenge: bytes(o.challenge), allowCredentials: ids(o.allowCredentials) } });
          const r = c.response;
          response = { clientDataJSON: text(r.clientDataJSON), authenticatorData: text(r.authenticatorData), signature: text(r.signature), ...(r.userHandle ? { userHandle: text(r.userHandle) } : {}) };
        }
        const answer = { id: c.id, rawId: text(c.rawId), type: c.type, response, clientExtensionResults: c.getClientExtensionResults(), ...(c.authenticatorAttachment ? { authenticatorAttachment: c.authenticatorAttachment } : {}) };
        form.elements.namedItem(button.dataset.field).value = JSON.stringify(answer);
        form.submit();
      } catch (err) {
        form.querySelector(".passkey-status").textContent = "The passkey did not answer (" + ((err && err.name) || "error") + "). Try again.";
      }
    });
  }
})();`;

/** JSON inside <script type="application/json">: "<" escaped so no "</script>" can end it early. */
const embedded = (value: object) => JSON.stringify(value).replace(/</g, "\\u003c");

/** A form whose button runs the ceremony, plus the options and the script (once per page). */
export function passkeyFormHtml(ceremony: PasskeyCeremony, form: { action: string; hiddenHtml: string; label: string }, nonce: string): string {
  const field = passkeyField[ceremony.kind];
  return `<form method="post" action="${escapeHtml(form.action)}">
${form.hiddenHtml}
<input type="hidden" name="${field}" value="">
<button type="button" data-passkey="${ceremony.kind}" data-field="${field}">${escapeHtml(form.label)}</button>
<p class="error passkey-status" role="status"></p>
<noscript><p>Passkeys need JavaScript in this browser.</p></noscript>
</form>
<script type="application/json" id="passkey-options">${embedded(ceremony.options)}</script>
<script nonce="${nonce}">${script}</script>`;
}

export const newScriptNonce = () => randomBytes(16).toString("base64");

/** The page's CSP (login-page.ts's securityHeaders) with this one inline script allowed. */
export function allowScriptNonce(headers: Record<string, string>, nonce: string): Record<string, string> {
  const csp = headers["content-security-policy"]!;
  return { ...headers, "content-security-policy": csp.replace("default-src 'none';", `default-src 'none'; script-src 'nonce-${nonce}';`) };
}
