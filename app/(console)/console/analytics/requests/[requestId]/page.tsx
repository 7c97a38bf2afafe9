import type { Metadata } from "next";
import { AccessDenied } from "@/components/console/access-denied";
import { hasPermission } from "@/lib/iam/rbac/permissions";
import { requireConsoleUser } from "@/lib/iam/session";
import { RequestDetailClient } from "./page-client";

export const metadata: Metadata = { title: "Request" };

type Props = { params: Promise<{ requestId: string }>; searchParams: Promise<{ at?: string | string[] }> };

export default async function RequestDetailPage({ params, searchParams }: Props) {
  const { requestId } = await params;
  const { at } = await searchParams;
  const user = await requireConsoleUser(`/console/analytics/requests/${encodeURIComponent(requestId)}`);
  if (!hasPermission(user.role, "analytics.read")) return <AccessDenied title="Request" who="console roles with analytics access" />;
  return <RequestDetailClient requestId={requestId} at={typeof at === "string" ? at : undefined} />;
}
