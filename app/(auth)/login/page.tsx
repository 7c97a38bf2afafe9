import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { LoginForm } from "./page-client";

export const metadata: Metadata = { title: "Sign in" };

/** Only same-site paths: a callbackUrl must never send people to another origin. */
function safeCallbackUrl(value: string | string[] | undefined): string {
  const url = Array.isArray(value) ? value[0] : value;
  return url && url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? url : "/";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  // Already signed in (e.g. back button): skip the form.
  if (await getSessionUser()) redirect(callbackUrl);

  return (
    <main className="centered-page">
      <LoginForm callbackUrl={callbackUrl} />
    </main>
  );
}
