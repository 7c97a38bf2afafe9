import type { Metadata } from "next";
import { Suspense } from "react";
import { AccessDenied } from "@/components/console/access-denied";
import { hasPermission } from "@/lib/iam/rbac/permissions";
import { requireConsoleUser } from "@/lib/iam/session";
import { RequestLogClient } from "./page-client";

export const metadata: Metadata = { title: "Request log" };

export default async function RequestLogPage() {
  const user = await requireConsoleUser("/console/analytics/requests");
  if (!hasPermission(user.role, "analytics.read")) return <AccessDenied title="Request log" who="console roles with analytics access" />;
  return (
    <Suspense fallback={<p className="muted">Loading requests…</p>}>
      <RequestLogClient />
    </Suspense>
  );
}
