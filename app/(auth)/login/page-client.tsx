"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { formText } from "@/components/form-data";
import { Logo } from "@/components/logo";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { loginFailureMessage } from "@/lib/iam/login-throttle/login-refusal";
import { safeCallbackUrl } from "@/lib/iam/safe-callback-url";

type LoginFormProps = {
  callbackUrl: string;
  /** Optional sign-in hint for demo installs (e.g. seeded accounts); never shown by default. */
  demoHint?: string;
};

export function LoginForm({ callbackUrl, demoHint }: LoginFormProps) {
  /** The refusal shown under the form: a generic one, or how long to wait when throttled or locked. */
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setFailed(null);
    // redirect:false keeps us on the page so a bad password shows inline instead of next-auth's error page.
    const result = await signIn("credentials", {
      redirect: false,
      email: formText(form, "email"),
      password: formText(form, "password", { trim: false }),
      callbackUrl,
    });
    if (!result || result.error || !result.ok) {
      setFailed(loginFailureMessage(result?.error));
      setBusy(false);
      return;
    }
    // Full navigation so every server component re-renders with the new session cookie.
    // Re-checked here too: this is the line that navigates, whoever rendered the prop.
    window.location.assign(safeCallbackUrl(callbackUrl, window.location.origin));
  }

  return (
    <div className="card narrow login-card">
      <div className="card-body">
        <div className="login-brand">
          <Logo />
        </div>
        <h1 className="page-title">Sign in</h1>
        <p className="muted">Use your Portcullis account to reach the console or the developer portal.</p>
        <form onSubmit={onSubmit} className="form">
          <Input label="Email" type="email" name="email" autoComplete="username" required />
          <Input label="Password" type="password" name="password" autoComplete="current-password" required />
          {failed && (
            <div className="error-banner" role="alert">
              <p className="error-banner-message">{failed}</p>
            </div>
          )}
          <Button type="submit" busy={busy} className="btn-block">
            {busy ? "Signing in…" : "Sign in"}
          </Button>
        </form>
        {demoHint && <p className="field-hint login-hint">{demoHint}</p>}
      </div>
    </div>
  );
}
