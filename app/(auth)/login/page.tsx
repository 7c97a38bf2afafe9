import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/iam/safe-callback-url";
import { getSessionUser } from "@/lib/iam/session";
import { consoleOrigin } from "@/lib/http/console-origins";
import { portalSignInRealm } from "@/lib/portal/accounts/realm-sign-in";
import { LoginForm } from "./page-client";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // A callbackUrl must never send people to another origin (see lib/iam/safe-callback-url.ts).
  const callbackUrl = safeCallbackUrl(params.callbackUrl, consoleOrigin());
  // Already signed in (e.g. back button): skip the form.
  if (await getSessionUser()) redirect(callbackUrl);
  const realm = await portalSignInRealm().catch(() => null);
  const realmError = typeof params.realmError === "string" ? params.realmError.slice(0, 300) : undefined;

  return (
    <main className="centered-page">
      <LoginForm callbackUrl={callbackUrl} realm={realm} realmError={realmError} />
    </main>
  );
}
