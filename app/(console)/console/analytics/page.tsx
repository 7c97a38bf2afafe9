import type { Metadata } from "next";
import { Suspense } from "react";
import { AccessDenied } from "@/components/console/access-denied";
import { hasPermission } from "@/lib/iam/rbac/permissions";
import { requireConsoleUser } from "@/lib/iam/session";
import { AnalyticsOverviewClient } from "./page-client";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage() {
  const user = await requireConsoleUser("/console/analytics");
  // Same rule as GET /api/v1/analytics/*.
  if (!hasPermission(user.role, "analytics.read")) return <AccessDenied title="Analytics" who="console roles with analytics access" />;
  // The view lives in the URL (useSearchParams), read on the client.
  return (
    <Suspense fallback={<p className="muted">Loading analytics…</p>}>
      <AnalyticsOverviewClient />
    </Suspense>
  );
}
