import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { requireConsoleUser } from "@/lib/auth/session";
import { AuditClient } from "./page-client";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const user = await requireConsoleUser("/console/audit");
  // Same rule as GET /api/v1/audit-events.
  if (user.role !== "platform_admin" && user.role !== "viewer") return <AccessDenied title="Audit log" who="platform admins and viewers" />;
  return <AuditClient />;
}
