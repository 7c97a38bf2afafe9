import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { hasPermission } from "@/lib/iam/rbac/permissions";
import { requireConsoleUser } from "@/lib/iam/session";
import { RealmsClient } from "./page-client";

export const metadata: Metadata = { title: "Realms" };

export default async function RealmsPage() {
  const user = await requireConsoleUser("/console/realms");
  if (!hasPermission(user.role, "realms.read")) return <AccessDenied title="Realms" who="console users" />;
  return <RealmsClient canManage={hasPermission(user.role, "realms.manage")} />;
}
