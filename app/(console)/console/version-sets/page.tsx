import type { Metadata } from "next";
import { hasPermission } from "@/lib/iam/rbac/permissions";
import { requireConsoleUser } from "@/lib/iam/session";
import { VersionSetsClient } from "./page-client";

export const metadata: Metadata = { title: "Version sets" };

export default async function VersionSetsPage() {
  const user = await requireConsoleUser("/console/version-sets");
  return <VersionSetsClient canEdit={hasPermission(user.role, "version-sets.write")} />;
}
