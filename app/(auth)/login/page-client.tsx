"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { formText } from "@/components/form-data";
import { AuthCard } from "@/components/auth-card";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { decodeSecondStep, loginFailureMessage } from "@/lib/iam/login-throttle/login-refusal";
import { safeCallbackUrl } from "@/lib/iam/safe-callback-url";
import { SecondFactorForm } from "./second-factor-form";

type LoginFormProps = {
  callbackUrl: string;
  /** Optional sign-in hint for demo installs (e.g. seeded accounts); never shown by default. */
  demoHint?: string;
  /** The portal's realm (portal.realm), offered as "Sign in with <display name>". */
  realm?: { name: string; displayName: string } | null;
  /** Why a realm sign-in came back without a session. */
  realmError?: string;
};

export function LoginForm({ callbackUrl, demoHint, realm, realmError }: LoginFormProps) {
  /** The refusal shown under the form: a generic one, or how long to wait when throttled or locked. */
  const [failed, setFailed] = useState<string | null>(realmError ?? null);
  const [busy, setBusy] = useState(false);
  /** The password was right and a second factor is due (see lib/iam/mfa/). */
  const [secondStep, setSecondStep] = useState<{ email: string; step: NonNullable<ReturnType<typeof decodeSecondStep>> } | null>(null);

  // Full navigation so every server component re-renders with the new session cookie.
  // Re-checked here too: this is the line that navigates, whoever rendered the prop.
  // A factor enrolled at sign-in: the account page offers recovery codes next.
  const signedIn = (enrolled = false) => window.location.assign(enrolled ? "/console/account" : safeCallbackUrl(callbackUrl, window.location.origin));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setFailed(null);
    // redirect:false keeps us on the page so a bad password shows inline instead of next-auth's error page.
    const email = formText(form, "email");
    const result = await signIn("credentials", {
      redirect: false,
      email,
      password: formText(form, "password", { trim: false }),
      callbackUrl,
    });
    const step = decodeSecondStep(result?.error);
    if (step) {
      setSecondStep({ email, step });
      setBusy(false);
      return;
    }
    if (!result || result.error || !result.ok) {
      setFailed(loginFailureMessage(result?.error));
      setBusy(false);
      return;
    }
    signedIn();
  }

  return (
    <AuthCard>
      {secondStep ? (
        <SecondFactorForm email={secondStep.email} step={secondStep.step} onSignedIn={signedIn} />
      ) : (
        <>
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
          {realm && (
            // A plain link: the realm sign-in is a chain of full-page redirects (see app/(auth)/login/realm).
            <a className="btn btn-secondary btn-block login-realm" href={`/login/realm?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
              Sign in with {realm.displayName}
            </a>
          )}
          <p className="field-hint login-hint">
            New here? <Link href="/signup">Create a developer account</Link>
          </p>
        </>
      )}
      {demoHint && <p className="field-hint login-hint">{demoHint}</p>}
    </AuthCard>
  );
}
