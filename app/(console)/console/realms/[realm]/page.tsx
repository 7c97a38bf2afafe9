import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { hasPermission } from "@/lib/iam/rbac/permissions";
import { requireConsoleUser } from "@/lib/iam/session";
import { RealmDetailClient } from "./page-client";

export const metadata: Metadata = { title: "Realm" };

export default async function RealmPage({ params }: { params: Promise<{ realm: string }> }) {
  const { realm } = await params;
  const user = await requireConsoleUser(`/console/realms/${encodeURIComponent(realm)}`);
  if (!hasPermission(user.role, "realms.read")) return <AccessDenied title="Realm" who="console users" />;
  return <RealmDetailClient name={realm} canManage={hasPermission(user.role, "realms.manage")} />;
}
