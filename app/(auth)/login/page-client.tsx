"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { formText } from "@/components/form-data";
import { Logo } from "@/components/logo";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";

type LoginFormProps = {
  callbackUrl: string;
  /** Optional sign-in hint for demo installs (e.g. seeded accounts); never shown by default. */
  demoHint?: string;
};

export function LoginForm({ callbackUrl, demoHint }: LoginFormProps) {
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setFailed(false);
    // redirect:false keeps us on the page so a bad password shows inline instead of next-auth's error page.
    const result = await signIn("credentials", {
      redirect: false,
      email: formText(form, "email"),
      password: formText(form, "password", { trim: false }),
      callbackUrl,
    });
    if (!result || result.error || !result.ok) {
      setFailed(true);
      setBusy(false);
      return;
    }
    // Full navigation so every server component re-renders with the new session cookie.
    window.location.assign(callbackUrl);
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
              <p className="error-banner-message">Invalid email or password</p>
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
