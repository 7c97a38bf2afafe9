import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/iam/session";
import { getWorkspaceSettings } from "@/lib/settings/get-workspace-settings";
import { SignUpForm } from "./page-client";

export const metadata: Metadata = { title: "Create a developer account" };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  if (await getSessionUser()) redirect("/portal");
  const { portal } = await getWorkspaceSettings();
  return (
    <main className="centered-page">
      <SignUpForm portalName={portal.name} mode={portal.signUpMode} invitation={one(params.invitation)} invitedEmail={one(params.email)} />
    </main>
  );
}
