import type { Metadata } from "next";
import { canMutate } from "@/components/role-label";
import { requireConsoleUser } from "@/lib/auth/session";
import { VersionSetsClient } from "./page-client";

export const metadata: Metadata = { title: "Version sets" };

export default async function VersionSetsPage() {
  const user = await requireConsoleUser("/console/version-sets");
  return <VersionSetsClient canEdit={canMutate(user.role)} />;
}
