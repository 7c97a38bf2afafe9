import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { hasPermission } from "@/lib/iam/rbac/permissions";
import { requireConsoleUser } from "@/lib/iam/session";
import { AuditClient } from "./page-client";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const user = await requireConsoleUser("/console/audit");
  // Same rule as GET /api/v1/audit-events.
  if (!hasPermission(user.role, "audit.read")) return <AccessDenied title="Audit log" who="platform admins and viewers" />;
  return <AuditClient />;
}
