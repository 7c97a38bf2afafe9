"use client";
// The portal's sign-up form. The body is checked with the route's schema first, so a short
// password or a bad email is said under its field before anything is sent; the server's refusals
// (a taken email, an invitation that does not fit) land under their fields the same way.
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { formText } from "@/components/form-data";
import { AuthCard } from "@/components/auth-card";
import { FieldErrorScope } from "@/components/ui/field-errors";
import { Input } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { useSignUp } from "@/lib/client/use-portal-accounts";
import { useRequestCheck } from "@/lib/client/use-request-check";
import { signUpInputSchema } from "@/lib/portal/accounts/portal-account-schemas";

type SignUpFormProps = { portalName: string; mode: "open" | "approval" | "invitation"; invitation?: string; invitedEmail?: string };

const modeNote = {
  open: "Your account is ready as soon as you create it.",
  approval: "An administrator approves new accounts; you can sign in once yours is approved.",
  invitation: "Sign-up is by invitation: use the link from your invitation email.",
} as const;

export function SignUpForm({ portalName, mode, invitation, invitedEmail }: SignUpFormProps) {
  const signUp = useSignUp();
  const request = useRequestCheck(signUpInputSchema);
  const [signingIn, setSigningIn] = useState(false);
  const [waiting, setWaiting] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    signUp.reset();
    const form = event.currentTarget;
    const body = {
      email: formText(form, "email"),
      name: formText(form, "name"),
      password: formText(form, "password", { trim: false }),
      ...(invitation ? { invitation } : {}),
    };
    if (!request.check(body)) return;
    const result = await signUp.mutateAsync(body).catch(() => null);
    if (!result) return;
    if (result.status === "awaiting_approval") {
      setWaiting(result.email);
      return;
    }
    // Active at once: sign in with what was just typed, as the login page would.
    setSigningIn(true);
    const signedIn = await signIn("credentials", { redirect: false, email: body.email, password: body.password, callbackUrl: "/portal" });
    window.location.assign(signedIn?.ok && !signedIn.error ? "/portal" : "/login?callbackUrl=%2Fportal");
  }

  return (
    <AuthCard>
      {waiting ? (
        <div role="status">
          <h1 className="page-title">Account created</h1>
          <p>
            The account for <strong>{waiting}</strong> waits for an administrator&apos;s approval. You can sign in once it is approved.
          </p>
          <p>
            <Link href="/login">Back to sign-in</Link>
          </p>
        </div>
      ) : (
        <>
          <h1 className="page-title">Create a developer account</h1>
          <p className="muted">
            For {portalName}. {modeNote[mode]}
          </p>
          {mode === "invitation" && !invitation ? null : (
            <form onSubmit={onSubmit} className="form" noValidate>
              <FieldErrorScope error={request.problem ?? signUp.error}>
                <Input label="Email" type="email" name="email" autoComplete="email" required defaultValue={invitedEmail} readOnly={Boolean(invitation && invitedEmail)} />
                <Input label="Name" name="name" autoComplete="name" required />
                <Input label="Password" type="password" name="password" autoComplete="new-password" required hint="At least 12 characters." />
                <FormFooter
                  submitLabel={signingIn ? "Signing in…" : "Create account"}
                  busy={signUp.isPending || signingIn}
                  error={request.problem ?? signUp.error}
                  errorTitle="Account not created"
                />
              </FieldErrorScope>
            </form>
          )}
        </>
      )}
      <p className="field-hint login-hint">
        Already have an account? <Link href="/login">Sign in</Link>
      </p>
    </AuthCard>
  );
}
