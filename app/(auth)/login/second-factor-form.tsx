"use client";
// The sign-in's second step (lib/iam/mfa/console-second-step.ts): the password was right, and
// the server answered a pending-MFA token instead of a session. Verify: a code (authenticator
// app or recovery code) or a passkey. Enrol (the role requires MFA, none yet): set up an
// authenticator app or a passkey, which signs in at once.
import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { formText } from "@/components/form-data";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { apiFetch, jsonBody } from "@/lib/client/api-client";
import { loginFailureMessage } from "@/lib/iam/login-throttle/login-refusal";

type Props = {
  email: string;
  step: { purpose: "verify" | "enrol"; mfaToken: string };
  /** Where to go once signed in (already checked by the login form). */
  onSignedIn: (enrolled: boolean) => void;
};

type TotpEnrolment = { secret: string; qrDataUrl: string };

export function SecondFactorForm({ email, step, onSignedIn }: Props) {
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const enrolling = step.purpose === "enrol";

  async function finish(fields: Record<string, string>) {
    // Only present fields: next-auth posts every option, an undefined one as the text "undefined".
    const result = await signIn("credentials", { redirect: false, email, mfaToken: step.mfaToken, ...fields });
    if (!result || result.error || !result.ok) {
      const code = result?.error ?? "";
      setFailed(code === "CredentialsSignin" ? "That did not work. Check the code and try again, or sign in again." : loginFailureMessage(code));
      setBusy(false);
      return;
    }
    onSignedIn(enrolling);
  }

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setFailed(null);
    try {
      await work();
    } catch (err) {
      setFailed(err instanceof Error ? err.message : "Something went wrong");
      setBusy(false);
    }
  }

  const onCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = formText(event.currentTarget, "code");
    void run(() => finish({ code }));
  };

  const options = () => apiFetch<Record<string, unknown>>("/api/auth/mfa/passkey-options", jsonBody("POST", { mfaToken: step.mfaToken }));
  const usePasskey = () =>
    run(async () => {
      const optionsJSON = (await options()) as unknown as Parameters<typeof startAuthentication>[0]["optionsJSON"];
      await finish({ passkey: JSON.stringify(await startAuthentication({ optionsJSON })) });
    });
  const enrolPasskey = () =>
    run(async () => {
      const optionsJSON = (await options()) as unknown as Parameters<typeof startRegistration>[0]["optionsJSON"];
      await finish({ passkeyRegistration: JSON.stringify(await startRegistration({ optionsJSON })) });
    });
  const enrolApp = () =>
    run(async () => {
      setEnrolment(await apiFetch<TotpEnrolment>("/api/auth/mfa/totp-enrolment", jsonBody("POST", { mfaToken: step.mfaToken })));
      setBusy(false);
    });

  const codeForm = (
    <form onSubmit={onCode} className="form">
      <Input
        label={enrolling ? "Code from the app" : "Code from your authenticator app, or a recovery code"}
        name="code"
        autoComplete="one-time-code"
        required
        autoFocus
      />
      <Button type="submit" busy={busy} className="btn-block">
        {busy ? "Checking…" : "Continue"}
      </Button>
    </form>
  );

  return (
    <>
      <h1 className="page-title">{enrolling ? "Set up a second factor" : "Second factor"}</h1>
      {enrolling ? (
        <p className="muted">Your role requires a second factor at sign-in. Add an authenticator app or a passkey to continue.</p>
      ) : (
        <p className="muted">Confirm it is you with your authenticator app or a passkey.</p>
      )}
      {failed && (
        <div className="error-banner" role="alert">
          <p className="error-banner-message">{failed}</p>
        </div>
      )}
      {enrolling && !enrolment && (
        <div className="form">
          <Button onClick={enrolApp} busy={busy} className="btn-block">
            Set up an authenticator app
          </Button>
          <Button variant="secondary" onClick={enrolPasskey} disabled={busy} className="btn-block">
            Set up a passkey
          </Button>
        </div>
      )}
      {enrolment && (
        <>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made by the server */}
          <img src={enrolment.qrDataUrl} alt="QR code for your authenticator app" width={220} height={220} />
          <p className="field-hint">
            Or enter this key: <code data-testid="totp-secret">{enrolment.secret}</code>
          </p>
          {codeForm}
        </>
      )}
      {!enrolling && (
        <>
          {codeForm}
          <Button variant="secondary" onClick={usePasskey} disabled={busy} className="btn-block">
            Use a passkey
          </Button>
        </>
      )}
    </>
  );
}
